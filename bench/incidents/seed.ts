import pg from "pg";
import { incidentKinds, nextStepLines, noteLines, progressLines } from "./vocabulary";

// Set-based bulk seed: a plan row per incident in a temp table, then one INSERT … SELECT
// per table. Incidents are numbered in declaration order over two years ending a day ago.

export const EVENTS_PER_INCIDENT = 10;
const HISTORY_DAYS = 730;

export interface SeedCounts {
  incidents: number;
  systemLinks: number;
  events: number;
  /** Incidents per status, most frequent first. */
  statuses: string;
}

const planSql = `
INSERT INTO bench_plan
SELECT n, gen_random_uuid(), kind_idx, rank, status, two_systems, commander, declared_at,
  CASE WHEN status <> 'declared' THEN declared_at + ack END,
  CASE WHEN status NOT IN ('declared', 'acknowledged') THEN declared_at + ack + mitigate END,
  CASE WHEN status IN ('resolved', 'closed') THEN declared_at + ack + mitigate + resolve END,
  CASE WHEN status = 'closed' THEN declared_at + ack + mitigate + resolve + close END
FROM (
  SELECT n,
    1 + floor(random() * $1::int)::int AS kind_idx,
    CASE WHEN r_severity < 0.05 THEN 0 WHEN r_severity < 0.20 THEN 1 WHEN r_severity < 0.65 THEN 2 ELSE 3 END AS rank,
    -- About 2% open: half of the latest 2%, and 1% of older ones someone forgot to resolve.
    CASE
      WHEN (n > $2::int * 0.98 AND r_status < 0.5) OR r_status < 0.01 THEN (ARRAY['declared', 'acknowledged', 'mitigated'])[1 + floor(random() * 3)::int]
      WHEN n > $2::int * 0.95 OR r_status > 0.75 THEN 'resolved'
      ELSE 'closed'
    END AS status,
    random() < 0.4 AS two_systems,
    ($3::uuid[])[1 + floor(random() * cardinality($3::uuid[]))::int] AS commander,
    date_trunc('second', now() AT TIME ZONE 'UTC') - make_interval(days => ${HISTORY_DAYS + 1}) + (n - 1 + random()) * (make_interval(days => ${HISTORY_DAYS}) / $2::int) AS declared_at,
    interval '1 minute' * (2 + random() * 60) AS ack,
    interval '1 minute' * (10 + random() * 120) AS mitigate,
    interval '1 minute' * (5 + random() * 90) AS resolve,
    interval '1 hour' * (4 + random() * 68) AS close
  FROM (SELECT n, random() AS r_severity, random() AS r_status FROM generate_series(1, $2::int) n) draws
) drawn`;

const incidentSql = `
INSERT INTO "Incident" (id, "number", title, status, "severityId", impact, "commanderId", "declaredById", "declaredAt", "ackDueAt", "breachedAt",
  "acknowledgedAt", "mitigatedAt", "resolvedAt", "closedAt", resolution, prevention, "followUp", "dataLossSeconds", "createdAt", "updatedAt")
SELECT p.id, p.n, k.title || ' #' || p.n, p.status::"IncidentStatus", l.id, k.impact, p.commander, p.commander, p.declared_at, due.at,
  CASE WHEN coalesce(p.acknowledged_at, now() AT TIME ZONE 'UTC') > due.at THEN due.at END,
  p.acknowledged_at, p.mitigated_at, p.resolved_at, p.closed_at,
  CASE WHEN p.resolved_at IS NOT NULL THEN k.resolution END,
  CASE WHEN p.resolved_at IS NOT NULL THEN '' END,
  CASE WHEN p.resolved_at IS NOT NULL THEN '' END,
  CASE WHEN p.resolved_at IS NOT NULL THEN 0 END,
  p.declared_at, coalesce(p.closed_at, p.resolved_at, p.mitigated_at, p.acknowledged_at, p.declared_at)
FROM bench_plan p
JOIN bench_kind k ON k.idx = p.kind_idx
JOIN "SeverityLevel" l ON l.rank = p.rank
CROSS JOIN LATERAL (SELECT p.declared_at + make_interval(secs => l."responseTimeSeconds") AS at) due
ORDER BY p.n`;

const systemSql = `
INSERT INTO "IncidentSystem" ("incidentId", "systemId")
SELECT p.id, k.system_id FROM bench_plan p JOIN bench_kind k ON k.idx = p.kind_idx
UNION ALL
SELECT p.id, k.also_id FROM bench_plan p JOIN bench_kind k ON k.idx = p.kind_idx WHERE p.two_systems`;

const roleSql = `
INSERT INTO "IncidentRoleAssignment" ("incidentId", role, "userId", "assignedById", "assignedAt")
SELECT id, 'commander', commander, commander, declared_at FROM bench_plan ORDER BY n`;

// Ten events per incident: declared, acknowledged, updates and notes, then the lifecycle's
// end as far as the incident got; data shaped as lib/incidents records it.
const eventSql = `
INSERT INTO "IncidentEvent" ("incidentId", kind, "actorId", body, data, "createdAt")
SELECT e.id, e.kind, e.commander,
  CASE e.kind WHEN 'declared' THEN e.impact WHEN 'status_update' THEN e.progress WHEN 'note' THEN e.note WHEN 'resolved' THEN e.resolution ELSE '' END,
  CASE e.kind
    WHEN 'declared' THEN jsonb_build_object('severity', e.severity, 'systems', e.systems, 'commander', e.commander_name)
    WHEN 'status_update' THEN jsonb_build_object('progress', e.progress, 'nextSteps', e.next_steps, 'eta', 'about ' || (5 * e.pos) || ' minutes')
    WHEN 'resolved' THEN jsonb_build_object('prevention', '', 'followUp', '', 'dataLossSeconds', 0)
    ELSE '{}'::jsonb
  END,
  CASE
    WHEN e.pos = 1 THEN e.declared_at
    WHEN e.pos = 2 THEN e.t0
    WHEN e.pos <= $4::int - 3 THEN e.t0 + (e.t1 - e.t0) * ((e.pos - 2)::float8 / ($4::int - 4))
    WHEN e.pos = $4::int - 2 THEN coalesce(e.mitigated_at, e.t1 + interval '1 minute')
    WHEN e.pos = $4::int - 1 THEN coalesce(e.resolved_at, e.t1 + interval '10 minutes')
    ELSE coalesce(e.closed_at, coalesce(e.resolved_at, e.t1) + interval '20 minutes')
  END
FROM (
  SELECT p.*, k.impact, k.resolution, l.key AS severity, u.name AS commander_name, slot.pos, slot.kind, times.t0, times.t1,
    CASE WHEN p.two_systems THEN jsonb_build_array(k.system_name, k.also_name) ELSE jsonb_build_array(k.system_name) END AS systems,
    ($1::text[])[1 + slot.pos % cardinality($1::text[])] AS progress,
    ($2::text[])[1 + slot.pos % cardinality($2::text[])] AS next_steps,
    ($3::text[])[1 + (p.n + slot.pos) % cardinality($3::text[])] AS note
  FROM bench_plan p
  JOIN bench_kind k ON k.idx = p.kind_idx
  JOIN "SeverityLevel" l ON l.rank = p.rank
  JOIN "User" u ON u.id = p.commander
  CROSS JOIN LATERAL (
    SELECT coalesce(p.acknowledged_at, p.declared_at + interval '1 minute') AS t0,
           coalesce(p.mitigated_at, coalesce(p.acknowledged_at, p.declared_at + interval '1 minute') + interval '1 hour') AS t1
  ) times
  CROSS JOIN LATERAL (
    SELECT pos, CASE
      WHEN pos = 1 THEN 'declared'
      WHEN pos = 2 THEN CASE WHEN p.acknowledged_at IS NULL THEN 'note' ELSE 'acknowledged' END
      WHEN pos <= $4::int - 3 THEN CASE WHEN random() < 0.6 THEN 'status_update' ELSE 'note' END
      WHEN pos = $4::int - 2 THEN CASE WHEN p.mitigated_at IS NULL THEN 'status_update' ELSE 'mitigated' END
      WHEN pos = $4::int - 1 THEN CASE WHEN p.resolved_at IS NULL THEN 'status_update' ELSE 'resolved' END
      ELSE CASE WHEN p.closed_at IS NULL THEN 'note' ELSE 'closed' END
    END AS kind
    FROM generate_series(1, $4::int) pos
  ) slot
) e
ORDER BY e.n, e.pos`;

const SEEDED_TABLES = ["Incident", "IncidentSystem", "IncidentRoleAssignment", "IncidentEvent"];

/** Adds `count` incidents with ten timeline events each to a database that has the demo organisation. */
export async function seedIncidentHistory(url: string, count: number, log: (line: string) => void): Promise<SeedCounts> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    log(`  ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };
  try {
    // The rows are consistent by construction: skip per-row foreign-key triggers (superuser only).
    await client.query("SET synchronous_commit = off; SET work_mem = '64MB'; SET maintenance_work_mem = '512MB'; SET session_replication_role = replica");
    await client.query("SELECT setseed(0.138)");
    const commanders = await loadVocabulary(client);

    await client.query("BEGIN");
    const secondaryIndexes = await dropSecondaryIndexes(client);
    await step("plan", () => client.query(planSql, [incidentKinds.length, count, commanders]));
    const incidents = await step("incidents", () => client.query(incidentSql));
    const systemLinks = await step("system links and roles", async () => (await client.query(roleSql), client.query(systemSql)));
    const events = await step("timeline events", () => client.query(eventSql, [progressLines, nextStepLines, noteLines, EVENTS_PER_INCIDENT]));
    await step("secondary indexes", async () => {
      for (const definition of secondaryIndexes) await client.query(definition);
    });
    await client.query(`SELECT setval(pg_get_serial_sequence('"Incident"', 'number'), (SELECT max("number") FROM "Incident"))`);
    await client.query("COMMIT");
    // A steady state, as autovacuum would leave it: statistics, visibility map, hint bits.
    await step("vacuum analyze", () => client.query(`VACUUM ANALYZE`));
    const statuses = await client.query<{ status: string; share: string }>(
      `SELECT status, round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS share FROM "Incident" GROUP BY status ORDER BY count(*) DESC`,
    );
    return {
      incidents: incidents.rowCount ?? 0,
      systemLinks: systemLinks.rowCount ?? 0,
      events: events.rowCount ?? 0,
      statuses: statuses.rows.map((row) => `${row.status} ${row.share}%`).join(", "),
    };
  } finally {
    await client.end();
  }
}

/** Fills the temp tables the seed draws from; returns the commanders' ids. */
async function loadVocabulary(client: pg.Client): Promise<string[]> {
  await client.query(`
    CREATE TEMP TABLE bench_kind (idx int PRIMARY KEY, title text, impact text, resolution text, system_id uuid, system_name text, also_id uuid, also_name text);
    CREATE TEMP TABLE bench_plan (n int PRIMARY KEY, id uuid, kind_idx int, rank int, status text, two_systems boolean, commander uuid,
      declared_at timestamp, acknowledged_at timestamp, mitigated_at timestamp, resolved_at timestamp, closed_at timestamp)`);
  const kinds = await client.query(
    `INSERT INTO bench_kind
     SELECT k.idx, k.title, k.impact, k.resolution, s.id, s.name, a.id, a.name
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS k(title, system, also, impact, resolution, idx)
     JOIN "System" s ON s.key = k.system JOIN "System" a ON a.key = k.also`,
    (["title", "system", "alsoAffects", "impact", "resolution"] as const).map((field) => incidentKinds.map((kind) => kind[field])),
  );
  const levels = await client.query(`SELECT 1 FROM "SeverityLevel" WHERE rank BETWEEN 0 AND 3`);
  const commanders = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE role IN ('commander', 'admin') AND "disabledAt" IS NULL ORDER BY email`);
  if (kinds.rowCount !== incidentKinds.length || levels.rowCount !== 4 || commanders.rowCount === 0) {
    throw new Error("The bench seed needs the demo organisation: the plan's five systems, four severity levels and a commander");
  }
  return commanders.rows.map((row) => row.id);
}

/** Bulk loads build an index once rather than row by row: drops the non-unique indexes and returns their definitions. */
async function dropSecondaryIndexes(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
     WHERE schemaname = 'public' AND tablename = ANY($1::text[]) AND indexdef NOT LIKE 'CREATE UNIQUE INDEX%'`,
    [SEEDED_TABLES],
  );
  for (const row of rows) await client.query(`DROP INDEX "${row.name}"`);
  return rows.map((row) => row.definition);
}
