import type { Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import type { PostmortemStatus } from "./queries";

/**
 * Locks the post-mortem row for the rest of the transaction: saves, restores and status changes
 * to one post-mortem apply one at a time, so each sees the versions the last one wrote.
 */
export async function lockPostmortem(tx: Tx, id: string): Promise<{ id: string; incidentId: string; status: PostmortemStatus; title: string }> {
  const rows = await tx.$queryRaw<{ id: string; incidentId: string; status: PostmortemStatus; title: string }[]>`
    SELECT id, "incidentId", status::text AS status, title FROM "Postmortem" WHERE id = ${id}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new DomainError("That post-mortem does not exist.");
  return row;
}

/** Published post-mortems are the record: reopen one to change it. */
export function assertEditable(postmortem: { status: PostmortemStatus }): void {
  if (postmortem.status === "published") throw new DomainError("This post-mortem is published and read-only: reopen it to edit.");
}
