import type { Db } from "@/lib/db/client";
import type { RunStatus } from "@/lib/db/generated/enums";
import { type IncidentStatus } from "@/lib/incidents/rules";
import { incidentReference } from "@/lib/timeline/incident";
import { freshIncidentWorld } from "@/test/incident-fixtures";

// A known state for the metrics tests: rows written directly at chosen times relative to `now`,
// so the expected figures can be stated exactly.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface IncidentSpec {
  severity: "critical" | "high" | "medium" | "low";
  status: IncidentStatus;
  declaredAgo: number;
  resolvedAgo?: number;
  dataLossSeconds?: number;
  isDemo?: boolean;
}

export async function seedMetricsWorld(db: Db) {
  const world = await freshIncidentWorld(db);
  const now = new Date();
  const ago = (ms: number) => new Date(now.getTime() - ms);

  const incident = async (spec: IncidentSpec) => {
    const resolvedAt = spec.resolvedAgo === undefined ? null : ago(spec.resolvedAgo);
    const row = await db.incident.create({
      data: {
        title: `${spec.severity} ${spec.status}`,
        impact: "Impact",
        severityId: world.severities[spec.severity],
        status: spec.status,
        declaredAt: ago(spec.declaredAgo),
        ackDueAt: ago(spec.declaredAgo - 15 * MINUTE),
        resolvedAt,
        closedAt: spec.status === "closed" ? resolvedAt : null,
        dataLossSeconds: spec.dataLossSeconds,
        isDemo: spec.isDemo,
      },
    });
    return { id: row.id, reference: incidentReference(row.number) };
  };

  const incidents = {
    // Open, in each open status.
    declared5h: await incident({ severity: "critical", status: "declared", declaredAgo: 5 * HOUR }),
    acknowledged30m: await incident({ severity: "high", status: "acknowledged", declaredAgo: 30 * MINUTE }),
    mitigated1h: await incident({ severity: "medium", status: "mitigated", declaredAgo: HOUR }),
    demoOpen: await incident({ severity: "critical", status: "declared", declaredAgo: 6 * HOUR, isDemo: true }),
    // Resolved within the last 24 hours.
    withinRtoLoss600: await incident({ severity: "high", status: "resolved", declaredAgo: 26 * HOUR, resolvedAgo: 23 * HOUR, dataLossSeconds: 600 }),
    beyondRtoLoss120: await incident({ severity: "critical", status: "resolved", declaredAgo: 7 * HOUR, resolvedAgo: HOUR, dataLossSeconds: 120 }),
    exactlyRtoNoLoss: await incident({ severity: "medium", status: "resolved", declaredAgo: 6 * HOUR, resolvedAgo: 2 * HOUR }),
    demoResolved: await incident({ severity: "high", status: "resolved", declaredAgo: 2 * HOUR, resolvedAgo: HOUR, dataLossSeconds: 1000, isDemo: true }),
    // Resolved longer ago.
    closedDaysAgo: await incident({ severity: "low", status: "closed", declaredAgo: 3 * DAY + HOUR, resolvedAgo: 3 * DAY, dataLossSeconds: 900 }),
    resolved25hAgo: await incident({ severity: "low", status: "resolved", declaredAgo: 27 * HOUR, resolvedAgo: 25 * HOUR, dataLossSeconds: 700 }),
  };

  const pages: [channel: "sms" | "email", status: "queued" | "sent" | "delivered" | "failed"][] = [
    ["sms", "delivered"],
    ["sms", "delivered"],
    ["sms", "failed"],
    ["email", "sent"],
    ["email", "queued"],
  ];
  await db.page.createMany({
    data: pages.map(([channel, status], index) => ({
      incidentId: incidents.declared5h.id,
      kind: "incident" as const,
      channel,
      status,
      recipient: channel === "sms" ? "+15550000000" : "someone@example.test",
      recipientName: "Someone",
      body: "INC paged",
      dedupeKey: `metrics-test-${index}`,
    })),
  });

  const node = await db.system.create({ data: { key: "node", name: "Blockchain Nodes" } });
  const backup = (systemId: string, status: "succeeded" | "failed", finishedAgo: number) => ({
    systemId,
    kind: "database" as const,
    status,
    location: "s3://backups/x",
    sizeBytes: BigInt(1_000_000),
    checksum: "sha256:00",
    startedAt: ago(finishedAgo + 5 * MINUTE),
    finishedAt: ago(finishedAgo),
    encrypted: true,
    verified: true,
  });
  await db.backupReport.createMany({
    data: [
      backup(world.systems.bridge.id, "succeeded", 10 * MINUTE),
      backup(world.systems.bridge.id, "succeeded", HOUR),
      backup(world.systems.bridge.id, "failed", MINUTE),
      backup(world.systems.monitoring.id, "failed", MINUTE),
      backup(node.id, "succeeded", 2 * HOUR),
    ],
  });

  const schedule = async (key: string) => (await db.drillSchedule.findUniqueOrThrow({ where: { key } })).id;
  const drill = (scheduleId: string, performedAgo: number) => ({ scheduleId, performedAt: ago(performedAgo), result: "passed" as const });
  // Never run and created an hour ago: due since its creation, so overdue.
  await db.drillSchedule.create({ data: { key: "ledger_check", frequency: "daily", durationSeconds: 600, systems: ["node"], createdAt: ago(HOUR) } });
  const yearly = await db.drillSchedule.create({ data: { key: "treasury_audit", frequency: "yearly", durationSeconds: 3600, systems: ["all"], createdAt: ago(400 * DAY) } });
  await db.drillRun.createMany({
    data: [
      drill(await schedule("full_recovery"), 30 * DAY), // quarterly: due in two months
      drill(await schedule("component_recovery"), 40 * DAY), // monthly: overdue
      drill(await schedule("backup_verification"), 20 * DAY),
      drill(await schedule("backup_verification"), 6 * DAY), // weekly: the latest run counts, due tomorrow
      drill(yearly.id, 200 * DAY),
    ],
  });

  const runbook = (key: string) => db.runbook.create({ data: { key, title: key, requires: [], definition: {}, definitionHash: `hash-${key}` } });
  const restart = await runbook("restart-node");
  const restore = await runbook("restore-database");
  const run = (runbookId: string, status: RunStatus, seconds?: number) => ({
    runbookId,
    status,
    definitionHash: "hash",
    definition: {},
    parameters: {},
    startedAt: status === "rejected" ? null : ago(HOUR),
    finishedAt: seconds === undefined ? null : ago(HOUR - seconds * SECOND),
  });
  await db.runbookRun.createMany({
    data: [
      run(restart.id, "succeeded", 60),
      run(restart.id, "succeeded", 30),
      run(restart.id, "failed", 15),
      run(restart.id, "running"),
      run(restart.id, "rejected"),
      run(restore.id, "succeeded", 120),
    ],
  });

  // Two worker processes beat within the last 30 s, a third stopped (by the database's clock, as workers write it).
  for (const [id, secondsAgo] of [["worker-a", 5], ["worker-b", 20], ["worker-stopped", 45]] as const) {
    await db.$executeRaw`
      INSERT INTO "WorkerHeartbeat" (id, "workerIds", host, pid, "seenAt")
      VALUES (${id}, ARRAY[${id}], 'metrics-host', 1, now() - make_interval(secs => ${secondsAgo}::float8))`;
  }

  return { world, now, incidents };
}
