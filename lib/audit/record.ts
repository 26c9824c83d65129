import type { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/db/client";

export interface AuditActor {
  id: string | null;
  label: string;
}

export interface AuditRecord {
  actor: AuditActor;
  action: string;
  targetType: string;
  targetId?: string | null;
  data?: Prisma.InputJsonObject;
}

const auditRow = (record: AuditRecord) => ({
  actorId: record.actor.id,
  actorLabel: record.actor.label,
  action: record.action,
  targetType: record.targetType,
  targetId: record.targetId ?? null,
  data: record.data ?? {},
});

/** Written inside the caller's transaction, so the audit entry exists exactly when the change does. */
export async function recordAudit(tx: Tx, record: AuditRecord): Promise<void> {
  await tx.auditEntry.create({ data: auditRow(record) });
}

/** Several entries in one statement, in the caller's transaction. */
export async function recordAudits(tx: Tx, records: AuditRecord[]): Promise<void> {
  if (records.length > 0) await tx.auditEntry.createMany({ data: records.map(auditRow) });
}
