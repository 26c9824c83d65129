import { recordAudit } from "@/lib/timeline/audit";
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/timeline/actor";
import { publishChange } from "@/lib/live/publish";
import { getRevision } from "@/lib/postmortems/revisions/history";
import { recordRevision } from "@/lib/postmortems/revisions/record";
import { clearApprovals } from "@/lib/postmortems/review/workflow";
import { assertEditable, lockPostmortem } from "./lock";

/**
 * Puts back the section texts of an earlier revision and records the result as a new revision.
 * A restore is a save like any other (new version for each section it changes), so someone still
 * editing the text from before it gets a merge or a conflict, never a silent undo of the restore.
 * Returns the new revision's number.
 */
export async function restoreRevision(db: Db, postmortemId: string, number: number, actor: Actor, now = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const postmortem = await lockPostmortem(tx, postmortemId);
    assertEditable(postmortem);
    const revision = await getRevision(tx, postmortemId, number);
    if (!revision) throw new DomainError("That revision does not exist.");
    const restored = new Map(revision.sections.map((section) => [section.heading, section.body]));
    const current = await tx.postmortemSection.findMany({ where: { postmortemId }, orderBy: { position: "asc" }, select: { id: true, heading: true, body: true } });
    // A section the revision did not have (or a heading renamed since) is left as it is.
    const changed = current.filter((section) => restored.has(section.heading) && restored.get(section.heading) !== section.body);
    for (const section of changed) {
      await tx.postmortemSection.update({
        where: { id: section.id },
        data: { body: restored.get(section.heading)!, version: { increment: 1 }, updatedById: actor.id, updatedAt: now },
      });
    }
    const created = await recordRevision(tx, postmortemId, actor, now, { restoredFrom: number });
    if (changed.length > 0) await clearApprovals(tx, postmortemId, actor);
    await tx.postmortem.update({ where: { id: postmortemId }, data: { updatedAt: now } });
    await recordAudit(tx, {
      actor: actor,
      action: "postmortem.revision_restored",
      targetType: "postmortem",
      targetId: postmortemId,
      data: { restoredFrom: number, revision: created, sections: changed.map((section) => section.heading) },
    });
    await publishChange(tx, { topic: "postmortem", id: postmortemId });
    return created;
  });
}
