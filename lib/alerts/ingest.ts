import { bulkInsert } from "@/lib/db/bulk-insert";
import { poolOf, type Db, type Tx } from "@/lib/db/client";
import { getAlertMapping, type AlertMapping } from "./mapping";
import { loadOpeningContext, openAlertIncident, type KeyedAlert } from "./open";
import type { WebhookAlert, WebhookPayload } from "./payload";
import { markResolved, noteReceived, RECEIVED_RESOLUTION_MS } from "./receipts";
import { noteAlertResolved } from "./resolve";

export interface IngestSummary {
  /** Alerts in the payload. */
  received: number;
  /** New incidents. */
  opened: number;
  /** Alerts already known, counted again (Alertmanager resends whole groups; HA pairs send twice). */
  updated: number;
  /** Alerts resolved for the first time. */
  resolved: number;
  /** Resolved alerts Firebreak never saw firing: nothing to note them on. */
  ignored: number;
}

interface KnownAlert {
  incidentId: string;
  resolvedAt: Date | null;
  lastReceivedAt: Date;
}

const keyOf = (alert: { fingerprint: string; startsAt: Date }) => `${alert.fingerprint}@${alert.startsAt.toISOString()}`;

/** Each distinct alert once (the last copy wins), keyed by fingerprint and start. */
function keyAlerts(alerts: WebhookAlert[]): KeyedAlert[] {
  const byKey = new Map<string, KeyedAlert>();
  for (const alert of alerts) {
    const keyed = { alert, fingerprint: alert.fingerprint, startsAt: new Date(alert.startsAt), alertName: alert.labels.alertname };
    byKey.set(keyOf(keyed), keyed);
  }
  return [...byKey.values()];
}

const fingerprintsOf = (alerts: KeyedAlert[]) => [...new Set(alerts.map((keyed) => keyed.fingerprint))];

/**
 * Serialises requests that carry the same alerts until this transaction ends (taken in one order,
 * so that two requests never deadlock): a duplicate sent at the same moment waits, then sees the
 * rows the first one wrote instead of opening a second incident.
 */
async function lockAlerts(tx: Tx, alerts: KeyedAlert[]): Promise<void> {
  await tx.$executeRaw`
    SELECT pg_advisory_xact_lock(hashtext('firebreak.alert_incident'), lock_key)
    FROM (SELECT DISTINCT hashtext(fingerprint) AS lock_key FROM unnest(${fingerprintsOf(alerts)}::text[]) AS fingerprint ORDER BY lock_key) AS keys`;
}

const KNOWN_ALERTS = `
  SELECT fingerprint, "startsAt" AT TIME ZONE 'UTC' AS "startsAt", "incidentId", "resolvedAt" AT TIME ZONE 'UTC' AS "resolvedAt",
         "lastReceivedAt" AT TIME ZONE 'UTC' AS "lastReceivedAt"
    FROM "AlertIncident" WHERE fingerprint = ANY($1::text[])`;
type KnownRow = KnownAlert & { fingerprint: string; startsAt: Date };
const byKey = (rows: KnownRow[]) => new Map(rows.map((row) => [keyOf(row), row]));

/** What is known of these alerts, read as every post of a storm reads it: straight from the pool (lib/db/client.ts). */
async function findKnown(db: Db, alerts: KeyedAlert[]): Promise<Map<string, KnownAlert>> {
  // Named, so each connection parses and plans it once rather than once a post.
  return byKey((await poolOf(db).query<KnownRow>({ name: "firebreak.known-alerts", text: KNOWN_ALERTS, values: [fingerprintsOf(alerts)] })).rows);
}

/** The same inside a transaction, after the alerts' locks. */
async function findKnownIn(tx: Tx, alerts: KeyedAlert[]): Promise<Map<string, KnownAlert>> {
  return byKey(await tx.$queryRawUnsafe<KnownRow[]>(KNOWN_ALERTS, fingerprintsOf(alerts)));
}

/** A known alert this notification leaves as it is: still firing, or resolved again. */
const unchanged = (keyed: KeyedAlert, row: KnownAlert | undefined) => row !== undefined && (keyed.alert.status === "firing" || row.resolvedAt !== null);

/** When the alert ended: its endsAt, unless Alertmanager sent none or the zero time. */
const endedAt = (keyed: KeyedAlert, now: Date) => {
  const endsAt = keyed.alert.endsAt ? new Date(keyed.alert.endsAt) : null;
  return endsAt && endsAt >= keyed.startsAt ? endsAt : now;
};

/**
 * Applies one Alertmanager notification. Most notifications only repeat alerts already known
 * (Alertmanager resends whole groups): one read, and nothing written but a "last received" time a
 * minute old. Otherwise one transaction, locking only the alerts whose state may change (so that a
 * duplicate sent at the same moment waits and then sees this one's rows): new firing alerts open
 * incidents, first resolutions are noted (and resolve the incident if configured). A firing alert
 * already resolved with the same start is a late copy: nothing reopened.
 */
export async function ingestAlerts(db: Db, payload: WebhookPayload, now = new Date()): Promise<IngestSummary> {
  const alerts = keyAlerts(payload.alerts);
  const summary: IngestSummary = { received: payload.alerts.length, opened: 0, updated: 0, resolved: 0, ignored: 0 };
  if (alerts.length === 0) return summary;
  const seen = await findKnown(db, alerts);
  const settled = alerts.filter((keyed) => unchanged(keyed, seen.get(keyOf(keyed))));
  const changing = alerts.filter((keyed) => !settled.includes(keyed));
  summary.updated = settled.length;
  if (changing.length > 0) await applyChanges(db, changing, summary, now);
  const staleBefore = now.getTime() - RECEIVED_RESOLUTION_MS;
  await noteReceived(db, settled.filter((keyed) => seen.get(keyOf(keyed))!.lastReceivedAt.getTime() < staleBefore), now);
  return summary;
}

const insertAlertIncidents = bulkInsert<Awaited<ReturnType<typeof openAlertIncident>>>({
  table: "AlertIncident",
  columns: {
    fingerprint: "text", startsAt: "timestamp(3)", incidentId: "uuid", alertName: "text", status: "text", labels: "jsonb",
    lastReceivedAt: "timestamp(3)", createdAt: "timestamp(3)",
  },
});

async function applyChanges(db: Db, changing: KeyedAlert[], summary: IngestSummary, now: Date): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await lockAlerts(tx, changing);
      const known = await findKnownIn(tx, changing);
      let mapping: AlertMapping | undefined;
      const loadMapping = async () => (mapping ??= await getAlertMapping(tx));

      const resolutions: { keyed: KeyedAlert; incidentId: string; resolvedAt: Date }[] = [];
      const fresh: KeyedAlert[] = [];
      for (const keyed of changing) {
        const row = known.get(keyOf(keyed));
        if (!row) {
          if (keyed.alert.status === "firing") fresh.push(keyed);
          else summary.ignored += 1;
        } else if (!unchanged(keyed, row)) {
          resolutions.push({ keyed, incidentId: row.incidentId, resolvedAt: endedAt(keyed, now) });
        } else {
          // A duplicate that waited for the first copy.
          summary.updated += 1;
        }
      }

      await markResolved(tx, resolutions, now);
      for (const { keyed, incidentId, resolvedAt } of resolutions) {
        await noteAlertResolved(tx, keyed, incidentId, resolvedAt, (await loadMapping()).resolveIncidents, now);
        summary.resolved += 1;
      }
      if (fresh.length > 0) {
        const context = await loadOpeningContext(tx, await loadMapping());
        const rows = [];
        for (const keyed of fresh) rows.push(await openAlertIncident(tx, keyed, context, now));
        await insertAlertIncidents(tx, rows);
        summary.opened = rows.length;
      }
    },
    // Opening many incidents at once pages many people in this transaction; give it room rather than fail a retry loop.
    { maxWait: 10_000, timeout: 30_000 },
  );
}
