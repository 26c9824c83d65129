import { timelineOf, type EventText } from "@/lib/timeline/events";
import { formatSpan } from "@/lib/format/time";
import { incidentRoleLabel, type IncidentRoleName } from "./rules";

// The incident lifecycle's own timeline events and how each reads.

const text = (value: unknown) => (typeof value === "string" ? value : "");
const names = (value: unknown) => (Array.isArray(value) ? value.filter((name): name is string => typeof name === "string") : []);

/** "acknowledged … via SMS reply": Incident.acknowledgedVia and Page.acknowledgedVia. */
export const ackViaLabel: Record<string, string> = {
  app: "in the app",
  sms: "via SMS reply",
  email: "via the email link",
};

export const viaPhrase = (via: string | null | undefined) => (via ? (ackViaLabel[via] ?? `via ${via}`) : "");

const declared: EventText = ({ data }) =>
  `declared the incident (${text(data.severity)})${names(data.systems).length > 0 ? ` affecting ${names(data.systems).join(", ")}` : ""}`;

const roleAssigned: EventText = ({ data }) => {
  const role = incidentRoleLabel[data.role as IncidentRoleName] ?? text(data.role);
  return data.from ? `handed ${role} from ${text(data.from)} to ${text(data.to)}` : `made ${text(data.to)} ${role}`;
};

export const incidentTimeline = timelineOf({
  declared,
  acknowledged: ({ data }) => `acknowledged ${viaPhrase(text(data.via))}`.trim(),
  mitigated: () => "marked it mitigated",
  resolved: ({ data }) => (typeof data.dataLossSeconds === "number" ? `resolved it · data loss ${formatSpan(data.dataLossSeconds)}` : "resolved it"),
  closed: () => "closed it",
  reopened: ({ data }) => `reopened it (was ${text(data.from)})`,
  breached: () => "Acknowledge-by target breached",
  severity_changed: ({ data }) => `changed severity from ${text(data.from)} to ${text(data.to)}`,
  role_assigned: roleAssigned,
  note: () => "added a note",
  status_update: () => "posted a status update",
});

export type IncidentEventKind = keyof typeof incidentTimeline.text;
