import type { Tx } from "@/lib/db/client";
import type { DrillResultName } from "@/lib/drills/schemas";

// Past drills for the demo organisation, so the Drills page and the overview show a schedule kept
// in part: backup verification done this week, component recovery this month, full recovery never.

const DAY_MS = 86_400_000;

interface DemoDrill {
  schedule: string;
  daysAgo: number;
  participants: string[];
  systems: string[];
  recoveryTimeSeconds: number | null;
  dataLossSeconds: number | null;
  result: DrillResultName;
  notes: string;
}

const demoDrills: DemoDrill[] = [
  {
    schedule: "backup_verification",
    daysAgo: 10,
    participants: ["Riley Responder", "Casey Commander"],
    systems: ["blockchain-nodes", "monitoring"],
    recoveryTimeSeconds: 41 * 60,
    dataLossSeconds: 180,
    result: "passed",
    notes: "Restored last night's chain database backup to a scratch host; **checksums matched** and the node synced from it.",
  },
  {
    schedule: "component_recovery",
    daysAgo: 20,
    participants: ["Casey Commander", "Riley Responder", "Ada Admin"],
    systems: ["blockchain-nodes", "monitoring"],
    recoveryTimeSeconds: 4 * 3600 + 35 * 60,
    dataLossSeconds: 240,
    result: "partial",
    notes: [
      "Rebuilt a validator and the Prometheus server from backups.",
      "",
      "- The validator was back in **2 h 10 m**.",
      "- Prometheus took the rest: its restore script still pointed at the old bucket, so the drill ran past the RTO.",
      "",
      "Follow-up: fix the bucket name in `restore-monitoring.sh` and repeat the monitoring part.",
    ].join("\n"),
  },
  {
    schedule: "backup_verification",
    daysAgo: 3,
    participants: ["Riley Responder"],
    systems: ["blockchain-nodes", "privacy-manager"],
    recoveryTimeSeconds: 38 * 60,
    dataLossSeconds: 120,
    result: "passed",
    notes: "Verified the encrypted offsite copy: decrypted, restored and queried the Privacy Manager database.",
  },
];

/** A few recorded drills before `now`; a schedule the operator's config lacks is skipped. */
export async function seedDemoDrills(tx: Tx, { now }: { now: Date }): Promise<void> {
  const schedules = await tx.drillSchedule.findMany({ select: { id: true, key: true } });
  const recordedBy = await tx.user.findFirst({ where: { email: "responder@firebreak.demo" }, select: { id: true } });
  for (const { schedule, daysAgo, ...drill } of demoDrills) {
    const scheduleId = schedules.find((candidate) => candidate.key === schedule)?.id;
    if (!scheduleId) continue;
    await tx.drillRun.create({
      data: { ...drill, scheduleId, performedAt: new Date(now.getTime() - daysAgo * DAY_MS), recordedById: recordedBy?.id ?? null },
    });
  }
}
