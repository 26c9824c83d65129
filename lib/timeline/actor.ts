/** A signed-in user who changed something (a session's user is one). */
export interface Actor {
  id: string;
  email: string;
  name?: string;
}

/** Firebreak itself (a timer, a job), a token, the command line or a paged contact: named by a label. */
export interface SystemActor {
  id: null;
  label: string;
}

/** Firebreak acting on its own: a timer or a job. */
export const FIREBREAK: SystemActor = { id: null, label: "system" };

/** Someone Firebreak's own records name without a user: "Alertmanager", a contact's email, "token:backup-db". */
export const systemActor = (label: string): SystemActor => ({ id: null, label });

export const isUser = (actor: Actor | SystemActor): actor is Actor => actor.id !== null;

/** How the audit log names who acted. */
export const auditLabel = (actor: Actor | SystemActor) => (isUser(actor) ? actor.email : actor.label);
