import type { Tx } from "@/lib/db/client";
import type { Change } from "./message";

// Changes travel as PostgreSQL NOTIFY on this channel, so every web instance hears them.
export const CHANGES_CHANNEL = "firebreak_changes";

/** Sent when the caller's transaction commits, and not at all if it rolls back. */
export async function publishChange(tx: Tx, change: Change): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify(change)})`;
}
