import { createHash } from "node:crypto";
import type { Db, Tx } from "@/lib/db/client";
import type { BackupKind } from "@/lib/db/generated/enums";

// Two weeks of backup reports for the demo's systems, four a day each, the latest a minute or two
// before the seed: the Backups page has history to show and starts within the RPO. Deterministic
// for a given clock. After the seed, the demo's "backup scripts" (reportDemoBackups, a worker cron
// task) keep reporting every few minutes, so the demo stays within its 5-minute RPO while it runs.

export const DEMO_BACKUP_DAYS = 14;
const EVERY_MS = 6 * 3_600_000;
const GIB = 1024 ** 3;

interface DemoBackupSource {
  system: string;
  kind: BackupKind;
  /** Where the plan's scripts would write it, from the backup's date ("20250602_093000"). */
  location: (stamp: string) => string;
  firstSizeBytes: number;
  /** Growth per day as a fraction of the first size. */
  dailyGrowth: number;
  minutes: number;
  encrypted: boolean;
  verified: boolean;
}

const sources: DemoBackupSource[] = [
  { system: "blockchain-nodes", kind: "chain_data", location: (stamp) => `/backup/blockchain/chain_${stamp}.tar.gz`, firstSizeBytes: 182 * GIB, dailyGrowth: 0.011, minutes: 42, encrypted: false, verified: true },
  { system: "privacy-manager", kind: "database", location: (stamp) => `/backup/database/privacy_${stamp}.sql.gz`, firstSizeBytes: 3.2 * GIB, dailyGrowth: 0.004, minutes: 6, encrypted: true, verified: true },
  { system: "bridge", kind: "database", location: (stamp) => `/backup/database/bridge_${stamp}.sql.gz`, firstSizeBytes: 6.5 * GIB, dailyGrowth: 0.006, minutes: 9, encrypted: true, verified: true },
  { system: "defi-protocols", kind: "offsite", location: (stamp) => `s3://chain138-backups/backups/defi_${stamp}.sql.gz.enc`, firstSizeBytes: 9.8 * GIB, dailyGrowth: 0.008, minutes: 14, encrypted: true, verified: true },
  // The plan gives monitoring no verification step.
  { system: "monitoring", kind: "monitoring", location: (stamp) => `/backup/prometheus-data_${stamp}.tar.gz`, firstSizeBytes: 41 * GIB, dailyGrowth: 0.015, minutes: 18, encrypted: false, verified: false },
];

// The bridge's backup a day before the seed failed, so the recent reports show what a failure looks like.
const FAILED = { system: "bridge", ago: 4 };

const stampOf = (date: Date) => date.toISOString().slice(0, 19).replace(/-|:/g, "").replace("T", "_");

// Set by the seed: only a demo organisation gets the demo's backup scripts.
export const DEMO_BACKUP_REPORTER_KEY = "demo.backupReporter";
const REPORT_WHEN_OLDER_MS = 2 * 60_000;

export async function seedDemoBackups(tx: Tx, { now }: { now: Date }): Promise<{ reports: number }> {
  const systems = await tx.system.findMany({ where: { key: { in: sources.map((source) => source.system) } }, select: { id: true, key: true } });
  const idOf = new Map(systems.map((system) => [system.key, system.id]));
  const count = (DEMO_BACKUP_DAYS * 86_400_000) / EVERY_MS;
  const rows = sources.flatMap((source, index) => {
    const systemId = idOf.get(source.system);
    if (!systemId) return [];
    // Staggered by half a minute per system, the newest 30 s to 2.5 min old.
    const newest = now.getTime() - (index + 1) * 30_000;
    return Array.from({ length: count }, (_, ago) => {
      const finishedAt = new Date(newest - ago * EVERY_MS);
      const days = (count - 1 - ago) / 4;
      // Steady growth with a little wobble, as real dumps have.
      const wobble = 1 + (((ago * 7) % 5) - 2) * 0.003;
      const failed = source.system === FAILED.system && ago === FAILED.ago;
      const location = source.location(stampOf(finishedAt));
      return {
        systemId,
        kind: source.kind,
        status: failed ? ("failed" as const) : ("succeeded" as const),
        location,
        sizeBytes: BigInt(Math.round(source.firstSizeBytes * (1 + source.dailyGrowth * days) * wobble * (failed ? 0.37 : 1))),
        checksum: `sha256:${createHash("sha256").update(location).digest("hex")}`,
        startedAt: new Date(finishedAt.getTime() - source.minutes * 60_000),
        finishedAt,
        encrypted: source.encrypted,
        verified: source.verified && !failed,
        createdAt: finishedAt,
      };
    });
  });
  await tx.backupReport.createMany({ data: rows });
  await tx.setting.create({ data: { key: DEMO_BACKUP_REPORTER_KEY, value: { enabled: true } } });
  return { reports: rows.length };
}

/**
 * The demo's backup scripts: a new good backup for each demo system whose newest report is over two
 * minutes old, a little larger than the last. Does nothing outside a seeded demo.
 */
export async function reportDemoBackups(db: Db, now = new Date()): Promise<number> {
  if (!(await db.setting.findUnique({ where: { key: DEMO_BACKUP_REPORTER_KEY }, select: { key: true } }))) return 0;
  const systems = await db.system.findMany({ where: { key: { in: sources.map((source) => source.system) } }, select: { id: true, key: true } });
  let reported = 0;
  for (const system of systems) {
    const source = sources.find((candidate) => candidate.system === system.key)!;
    const last = await db.backupReport.findFirst({ where: { systemId: system.id, status: "succeeded" }, orderBy: { finishedAt: "desc" }, select: { finishedAt: true, sizeBytes: true } });
    if (!last || now.getTime() - last.finishedAt.getTime() < REPORT_WHEN_OLDER_MS) continue;
    const grownBy = 1 + source.dailyGrowth * ((now.getTime() - last.finishedAt.getTime()) / 86_400_000);
    const location = source.location(stampOf(now));
    await db.backupReport.create({
      data: {
        systemId: system.id,
        kind: source.kind,
        location,
        sizeBytes: BigInt(Math.round(Number(last.sizeBytes) * grownBy)),
        checksum: `sha256:${createHash("sha256").update(location).digest("hex")}`,
        startedAt: new Date(now.getTime() - 60_000),
        finishedAt: now,
        encrypted: source.encrypted,
        verified: source.verified,
      },
    });
    reported += 1;
  }
  return reported;
}
