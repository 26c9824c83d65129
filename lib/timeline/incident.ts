import type { Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";

/** How people name an incident: "INC-42". */
export function incidentReference(number: number): string {
  return `INC-${number}`;
}

/** Locks the incident row for the rest of the transaction, so concurrent changes apply one at a time. */
export async function lockIncident(tx: Tx, id: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Incident" WHERE id = ${id}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new DomainError("That incident does not exist.");
  return tx.incident.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      number: true,
      status: true,
      declaredAt: true,
      ackDueAt: true,
      acknowledgedAt: true,
      acknowledgedBy: true,
      breachedAt: true,
      title: true,
      severity: { select: { id: true, key: true } },
    },
  });
}

export type LockedIncident = Awaited<ReturnType<typeof lockIncident>>;
