import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/timeline/actor";
import { publishChange } from "@/lib/live/publish";
import { clearApprovals } from "@/lib/postmortems/review/workflow";
import { recordRevision } from "@/lib/postmortems/revisions/record";
import { assertEditable, lockPostmortem } from "./lock";
import { mergeSection } from "./merge";

export const MAX_SECTION_LENGTH = 50_000;

const body = (label: string) => z.string(`${label} must be text`).max(MAX_SECTION_LENGTH, `${label} must be at most ${MAX_SECTION_LENGTH} characters`);

// A save names, for each section, the text its editor started from: the server merges against
// that text, so it never matters how many saves landed in between.
export const saveSectionsSchema = z.object({
  postmortemId: z.uuid("Post-mortem must be a post-mortem's id"),
  changes: z
    .array(z.object({ sectionId: z.uuid("Section must be a section's id"), baseBody: body("Base text"), body: body("Section text") }), "Changes must be a list")
    .min(1, "Changes must name at least one section")
    .max(50, "Changes must name at most 50 sections"),
});

export type SaveSectionsInput = z.output<typeof saveSectionsSchema>;

export interface SectionConflict {
  sectionId: string;
  heading: string;
  /** What is saved now, and who saved it. */
  theirs: { body: string; updatedBy: string | null; updatedAt: string };
  mine: string;
  /** Both texts combined, for the person to edit into one. */
  suggestion: string;
}

export type SaveOutcome =
  | { status: "saved"; sections: { id: string; body: string; version: number }[]; revision: number | null }
  | { status: "conflict"; conflicts: SectionConflict[] };

/**
 * Saves edited sections, all or nothing. A section someone else changed meanwhile is merged
 * line by line; where both changed the same lines the whole save is refused with both texts.
 */
export async function saveSections(db: Db, input: SaveSectionsInput, actor: Actor, now = new Date()): Promise<SaveOutcome> {
  return db.$transaction(async (tx) => {
    assertEditable(await lockPostmortem(tx, input.postmortemId));
    const ids = input.changes.map((change) => change.sectionId);
    const current = await tx.postmortemSection.findMany({
      where: { postmortemId: input.postmortemId, id: { in: ids } },
      select: { id: true, heading: true, body: true, version: true, updatedAt: true, updatedBy: { select: { name: true } } },
    });
    const byId = new Map(current.map((section) => [section.id, section]));
    if (new Set(ids).size !== ids.length) throw new DomainError("Each section may be saved once per save.");

    const writes: { id: string; body: string }[] = [];
    const conflicts: SectionConflict[] = [];
    for (const change of input.changes) {
      const section = byId.get(change.sectionId);
      if (!section) throw new DomainError("That section is not part of this post-mortem.");
      const merged = section.body === change.baseBody ? { clean: true as const, text: change.body } : mergeSection(change.baseBody, section.body, change.body);
      if (!merged.clean) {
        conflicts.push({
          sectionId: section.id,
          heading: section.heading,
          theirs: { body: section.body, updatedBy: section.updatedBy?.name ?? null, updatedAt: section.updatedAt.toISOString() },
          mine: change.body,
          suggestion: merged.suggestion,
        });
      } else if (merged.text !== section.body) {
        writes.push({ id: section.id, body: merged.text });
      }
    }
    if (conflicts.length > 0) return { status: "conflict", conflicts };

    for (const write of writes) {
      await tx.postmortemSection.update({
        where: { id: write.id },
        data: { body: write.body, version: { increment: 1 }, updatedById: actor.id, updatedAt: now },
      });
    }
    let revision: number | null = null;
    if (writes.length > 0) {
      revision = await recordRevision(tx, input.postmortemId, actor, now);
      await clearApprovals(tx, input.postmortemId, actor);
      await tx.postmortem.update({ where: { id: input.postmortemId }, data: { updatedAt: now } });
      await publishChange(tx, { topic: "postmortem", id: input.postmortemId });
    }
    const saved = await tx.postmortemSection.findMany({ where: { id: { in: ids } }, select: { id: true, body: true, version: true } });
    return { status: "saved", sections: saved, revision };
  });
}
