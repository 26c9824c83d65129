import { recordAudit } from "@/lib/timeline/audit";
import { publishChange } from "@/lib/live/publish";
import type { Db } from "@/lib/db/client";
import { fieldErrorsOf, type FieldErrors } from "@/lib/errors";
import { backupReportSchema } from "./report-schema";

export type BackupReportResult =
  | { ok: true; report: { id: string; system: string; finishedAt: Date } }
  | { ok: false; status: 400 | 422; error: string; fieldErrors: FieldErrors };

/**
 * Records a finished backup a script reported with `token`: validated, then the report and its
 * audit entry in one transaction. Freshness is the freshness job's business, not this one's.
 */
export async function recordBackupReport(db: Db, input: unknown, token: { id: string; name: string }): Promise<BackupReportResult> {
  const parsed = backupReportSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, error: "Invalid backup report", fieldErrors: fieldErrorsOf(parsed.error) };
  const { system: key, ...report } = parsed.data;

  return db.$transaction(async (tx): Promise<BackupReportResult> => {
    const system = await tx.system.findUnique({ where: { key }, select: { id: true, key: true } });
    if (!system) {
      const known = await tx.system.findMany({ select: { key: true }, orderBy: { key: "asc" } });
      const message = `system "${key}" is not a known system; known systems: ${known.map((row) => row.key).join(", ") || "none yet"}`;
      return { ok: false, status: 422, error: "Unknown system", fieldErrors: { system: [message] } };
    }
    const created = await tx.backupReport.create({
      data: { ...report, systemId: system.id, tokenId: token.id },
      select: { id: true, finishedAt: true },
    });
    await recordAudit(tx, {
      actor: { id: null, label: `token:${token.name}` },
      action: "backup.reported",
      targetType: "backup_report",
      targetId: created.id,
      data: {
        reference: system.key,
        kind: report.kind,
        status: report.status,
        sizeBytes: report.sizeBytes.toString(),
        finishedAt: report.finishedAt.toISOString(),
        verified: report.verified,
        encrypted: report.encrypted,
      },
    });
    await publishChange(tx, { topic: "backups" });
    return { ok: true, report: { id: created.id, system: system.key, finishedAt: created.finishedAt } };
  });
}
