import type { Db, Tx } from "@/lib/db/client";
import type { KeyedAlert } from "./open";

/** How fresh "last received" is kept: a resend inside it writes nothing. */
export const RECEIVED_RESOLUTION_MS = 60_000;

// Keys and timestamps travel as JSON with UTC ISO text: a timestamp column drops the "Z", which is how Prisma stores UTC.
const keysJson = (alerts: KeyedAlert[]) => JSON.stringify(alerts.map((keyed) => ({ fingerprint: keyed.fingerprint, startsAt: keyed.startsAt.toISOString() })));

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
      SELECT * FROM jsonb_to_recordset(${keysJson(alerts)}::jsonb) AS k(fingerprint text, "startsAt" timestamp(3))
    ), stale AS (
      SELECT fingerprint, "startsAt" FROM "AlertIncident" JOIN keys USING (fingerprint, "startsAt")
      WHERE "lastReceivedAt" < ${staleBefore.toISOString()}::timestamp(3)
      FOR UPDATE OF "AlertIncident" SKIP LOCKED
    )
    UPDATE "AlertIncident" AS row SET "lastReceivedAt" = GREATEST(row."lastReceivedAt", ${now.toISOString()}::timestamp(3))
    FROM stale WHERE row.fingerprint = stale.fingerprint AND row."startsAt" = stale."startsAt"`;
}

/** Records first resolutions, in the transaction that holds these alerts' locks. */
export async function markResolved(tx: Tx, resolutions: { keyed: KeyedAlert; resolvedAt: Date }[], now: Date): Promise<void> {
  if (resolutions.length === 0) return;
  const rows = resolutions.map(({ keyed, resolvedAt }) => ({ fingerprint: keyed.fingerprint, startsAt: keyed.startsAt.toISOString(), resolvedAt: resolvedAt.toISOString() }));
  await tx.$executeRaw`
    UPDATE "AlertIncident" AS row SET status = 'resolved', "resolvedAt" = u."resolvedAt", "lastReceivedAt" = ${now.toISOString()}::timestamp(3)
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS u(fingerprint text, "startsAt" timestamp(3), "resolvedAt" timestamp(3))
    WHERE row.fingerprint = u.fingerprint AND row."startsAt" = u."startsAt"`;
}
