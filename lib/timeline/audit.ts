import { bulkInsert } from "@/lib/db/bulk-insert";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { auditLabel, type Actor, type SystemActor } from "./actor";

export interface AuditRecord {
  actor: Actor | SystemActor;
  action: string;
  targetType: string;
  targetId?: string | null;
  data?: Prisma.InputJsonObject;
}

const auditRow = (record: AuditRecord) => ({
  actorId: record.actor.id,
  actorLabel: auditLabel(record.actor),
  action: record.action,
  targetType: record.targetType,
  targetId: record.targetId ?? null,
  data: record.data ?? {},
});

/** Written inside the caller's transaction, so the audit entry exists exactly when the change does. */
export async function recordAudit(tx: Tx, record: AuditRecord): Promise<void> {
  await tx.auditEntry.create({ data: auditRow(record) });
}

const insertAudits = bulkInsert<ReturnType<typeof auditRow> & { createdAt: Date }>({
  table: "AuditEntry",
  columns: { actorId: "uuid", actorLabel: "text", action: "text", targetType: "text", targetId: "text", data: "jsonb", createdAt: "timestamp(3)" },
});

/** Several entries in one statement, in the caller's transaction. */
export async function recordAudits(tx: Tx, records: AuditRecord[]): Promise<void> {
  const createdAt = new Date();
  await insertAudits(tx, records.map((record) => ({ ...auditRow(record), createdAt })));
}
