import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

/** A backup report as a backup script would send it, finished at `finishedAt` (ten minutes' work). */
export function reportBackup(db: Db, systemId: string, finishedAt: Date, overrides: Partial<Prisma.BackupReportUncheckedCreateInput> = {}) {
  return db.backupReport.create({
    data: {
      systemId,
      kind: "database",
      location: `/backup/database/db_${finishedAt.toISOString()}.sql.gz`,
      sizeBytes: 1_500_000_000n,
      checksum: "sha256:9f2c1e7b5a3d4c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a",
      startedAt: new Date(finishedAt.getTime() - 10 * 60_000),
      finishedAt,
      encrypted: true,
      verified: true,
      ...overrides,
    },
    select: { id: true },
  });
}
