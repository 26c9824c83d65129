import type { Db } from "@/lib/db/client";
import { declareIncident } from "@/lib/command/lifecycle";
import type { Actor } from "@/lib/timeline/actor";
import { latencyStats, type LatencyStats } from "../support/latency";
import { processTreeCpuMs } from "../support/process-cpu";

export interface DeclareRate {
  declared: number;
  seconds: number;
  perSecond: number;
  latency: LatencyStats;
  /** CPU per declaration: this process (the service and Prisma) and PostgreSQL, in ms. */
  cpu: { service: number; database: number };
}

/**
 * Calls the declare service itself (incident, commander role, timeline event, audit entry,
 * NOTIFY and breach-timer job in one transaction) from `concurrency` callers until the
 * time or the count runs out. It is the server action's work without HTTP and form parsing.
 */
export async function measureDeclareRate(
  db: Db,
  options: { concurrency: number; seconds: number; limit: number; databasePid: number },
): Promise<DeclareRate> {
  const [severities, systems, admin] = await Promise.all([
    db.severityLevel.findMany({ select: { id: true }, orderBy: { rank: "asc" } }),
    db.system.findMany({ select: { id: true }, orderBy: { key: "asc" } }),
    db.user.findFirstOrThrow({ where: { role: "admin", disabledAt: null }, select: { id: true, email: true } }),
  ]);
  const actor: Actor = { id: admin.id, email: admin.email };
  const input = (index: number) => ({
    title: `Bench declaration ${index}: bridge relayer stalled`,
    severityId: severities[index % severities.length]!.id,
    systemIds: [systems[index % systems.length]!.id],
    impact: "Cross-chain transfers are pending; funds are safe but delayed.",
    description: "",
  });

  const durations: number[] = [];
  let issued = 0;
  const cpuBefore = { service: process.cpuUsage(), database: processTreeCpuMs(options.databasePid) };
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const caller = async () => {
    while (issued < options.limit && performance.now() < deadline) {
      issued += 1;
      const callStarted = performance.now();
      await declareIncident(db, input(issued), actor);
      durations.push(performance.now() - callStarted);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, caller));
  const seconds = (performance.now() - started) / 1000;
  const serviceCpu = process.cpuUsage(cpuBefore.service);
  const declared = durations.length;
  return {
    declared,
    seconds,
    perSecond: declared / seconds,
    latency: latencyStats(durations),
    cpu: { service: (serviceCpu.user + serviceCpu.system) / 1000 / declared, database: (processTreeCpuMs(options.databasePid) - cpuBefore.database) / declared },
  };
}
