import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/timeline/actor";

// One author's saves within this window extend their latest revision instead of adding one:
// autosave writes every few seconds, and history should read as sittings, not keystrokes. The
// first revision (the template as filled at creation) is never extended, so every change shows.
export const REVISION_WINDOW_MS = 10 * 60_000;

// A type, not an interface: Prisma's JSON input takes only types with an index signature.
export type RevisionSnapshot = { heading: string; body: string };

async function snapshotOf(tx: Tx, postmortemId: string): Promise<RevisionSnapshot[]> {
  return tx.postmortemSection.findMany({ where: { postmortemId }, orderBy: { position: "asc" }, select: { heading: true, body: true } });
}

/**
 * Records the post-mortem's sections as they now are, as a new revision or by extending the
 * author's own latest one. Call with the post-mortem locked, after the sections are written.
 */
export async function recordRevision(tx: Tx, postmortemId: string, actor: Actor, at: Date, options: { restoredFrom?: number } = {}): Promise<number> {
  const sections = await snapshotOf(tx, postmortemId);
  const latest = await tx.postmortemRevision.findFirst({
    where: { postmortemId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, authorId: true, createdAt: true, restoredFrom: true },
  });
  const extendable =
    latest !== null &&
    latest.number > 1 &&
    options.restoredFrom === undefined &&
    latest.restoredFrom === null &&
    latest.authorId === actor.id &&
    at.getTime() - latest.createdAt.getTime() < REVISION_WINDOW_MS;
  if (extendable) {
    await tx.postmortemRevision.update({ where: { id: latest.id }, data: { sections, updatedAt: at } });
    return latest.number;
  }
  const number = (latest?.number ?? 0) + 1;
  await tx.postmortemRevision.create({
    data: {
      postmortemId,
      number,
      sections,
      authorId: actor.id,
      authorLabel: actor.name ?? actor.email,
      restoredFrom: options.restoredFrom ?? null,
      createdAt: at,
      updatedAt: at,
    },
  });
  return number;
}
