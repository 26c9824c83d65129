import type { Db, Tx } from "@/lib/db/client";
import type { KeyedAlert } from "./open";

/** How fresh "last received" is kept: a resend inside it writes nothing. */
export const RECEIVED_RESOLUTION_MS = 60_000;

// Keys travel as arrays to unnest, whose length the planner sees (so rows are found by their key,
// not by reading the table), and timestamps as UTC ISO text: a timestamp column drops the "Z",
// which is how Prisma stores UTC.
const iso = (date: Date) => date.toISOString();

/**
 * Moves "last received" of alerts Alertmanager sent again whose time is a minute old. Rows another
 * request is refreshing (or resolving) right now are skipped rather than waited for: its time is as
 * good, and a resend never queues behind another.
 */
export async function noteReceived(db: Db, alerts: KeyedAlert[], now: Date): Promise<void> {
  if (alerts.length === 0) return;
  const staleBefore = new Date(now.getTime() - RECEIVED_RESOLUTION_MS);
  await db.$executeRaw`
    WITH keys AS (
      SELECT * FROM unnest(${alerts.map((keyed) => keyed.fingerprint)}::text[], ${alerts.map((keyed) => iso(keyed.startsAt))}::timestamp(3)[]) AS k(fingerprint, "startsAt")
    ), stale AS (
      SELECT fingerprint, "startsAt" FROM "AlertIncident" JOIN keys USING (fingerprint, "startsAt")
      WHERE "lastReceivedAt" < ${iso(staleBefore)}::timestamp(3)
      FOR UPDATE OF "AlertIncident" SKIP LOCKED
    )
    UPDATE "AlertIncident" AS row SET "lastReceivedAt" = GREATEST(row."lastReceivedAt", ${iso(now)}::timestamp(3))
    FROM stale WHERE row.fingerprint = stale.fingerprint AND row."startsAt" = stale."startsAt"`;
}

/** Records first resolutions, in the transaction that holds these alerts' locks. */
export async function markResolved(tx: Tx, resolutions: { keyed: KeyedAlert; resolvedAt: Date }[], now: Date): Promise<void> {
  if (resolutions.length === 0) return;
  await tx.$executeRaw`
    UPDATE "AlertIncident" AS row SET status = 'resolved', "resolvedAt" = u."resolvedAt", "lastReceivedAt" = ${iso(now)}::timestamp(3)
    FROM unnest(
      ${resolutions.map(({ keyed }) => keyed.fingerprint)}::text[],
      ${resolutions.map(({ keyed }) => iso(keyed.startsAt))}::timestamp(3)[],
      ${resolutions.map(({ resolvedAt }) => iso(resolvedAt))}::timestamp(3)[]
    ) AS u(fingerprint, "startsAt", "resolvedAt")
    WHERE row.fingerprint = u.fingerprint AND row."startsAt" = u."startsAt"`;
}
