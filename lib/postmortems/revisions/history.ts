import "server-only";
import { z } from "zod";
import type { Db, Tx } from "@/lib/db/client";
import type { RevisionSnapshot } from "./record";

export interface RevisionSummary {
  number: number;
  /** The author's current name; the name recorded with the revision once the account is gone. */
  author: string;
  createdAt: string;
  updatedAt: string;
  /** The revision this one brought back, when it is a restore. */
  restoredFrom: number | null;
}

export interface RevisionDetail extends RevisionSummary {
  sections: RevisionSnapshot[];
}

// Stored as JSON: checked on the way out like any other input.
const snapshotSchema = z.array(z.object({ heading: z.string(), body: z.string() }));

const summarySelect = {
  number: true,
  authorLabel: true,
  restoredFrom: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { name: true } },
} as const;

function toSummary(row: { number: number; authorLabel: string; restoredFrom: number | null; createdAt: Date; updatedAt: Date; author: { name: string } | null }): RevisionSummary {
  return {
    number: row.number,
    author: row.author?.name ?? row.authorLabel,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    restoredFrom: row.restoredFrom,
  };
}

/** The post-mortem's revisions, newest first; null when there is no such post-mortem. */
export async function listRevisions(db: Db | Tx, postmortemId: string): Promise<RevisionSummary[] | null> {
  const postmortem = await db.postmortem.findUnique({
    where: { id: postmortemId },
    select: { revisions: { orderBy: { number: "desc" }, select: summarySelect } },
  });
  return postmortem?.revisions.map(toSummary) ?? null;
}

/** One revision with its sections as they were; null when the post-mortem has no such revision. */
export async function getRevision(db: Db | Tx, postmortemId: string, number: number): Promise<RevisionDetail | null> {
  const row = await db.postmortemRevision.findUnique({
    where: { postmortemId_number: { postmortemId, number } },
    select: { ...summarySelect, sections: true },
  });
  if (!row) return null;
  const sections = snapshotSchema.safeParse(row.sections);
  if (!sections.success) throw new Error(`Revision ${number} of post-mortem ${postmortemId} has unreadable sections: ${sections.error.message}`);
  return { ...toSummary(row), sections: sections.data };
}
