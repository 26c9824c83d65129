import type { Tx } from "@/lib/db/client";

/** The incident a listener hears about. */
export interface IncidentRef {
  id: string;
  number: number;
}

export interface Declaration {
  severityId: string;
  systemIds: string[];
  at: Date;
  /** "queued": the first pages go out from a job rather than in the declaring transaction (an alert storm). */
  paging: "now" | "queued";
}

export interface Resolution {
  /** The "resolved" timeline event, which notifications refer to. */
  eventId: string;
  at: Date;
}

export interface StatusUpdate {
  eventId: string;
  update: { progress: string; nextSteps: string; eta: string };
  at: Date;
}

/**
 * What the incident lifecycle says happened, inside the transaction that made it happen, to the
 * parts of Firebreak that act on it. Paging implements it (lib/paging/incident-listener.ts);
 * lib/command hands the lifecycle its listeners, so incidents never import the domains above them.
 */
export interface IncidentListener {
  onDeclared?(tx: Tx, incident: IncidentRef, declaration: Declaration): Promise<void>;
  onAcknowledged?(tx: Tx, incident: IncidentRef, at: Date): Promise<void>;
  onMitigated?(tx: Tx, incident: IncidentRef, at: Date): Promise<void>;
  onResolved?(tx: Tx, incident: IncidentRef, resolution: Resolution): Promise<void>;
  onStatusUpdate?(tx: Tx, incident: IncidentRef, update: StatusUpdate): Promise<void>;
}

export type IncidentListeners = readonly IncidentListener[];

/** Tells every listener, one after another, in the caller's transaction. */
export async function tell(listeners: IncidentListeners, hear: (listener: IncidentListener) => Promise<void> | undefined): Promise<void> {
  for (const listener of listeners) await hear(listener);
}
