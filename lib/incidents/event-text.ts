import { formatSpan } from "./format";
import type { TimelineEvent } from "./queries";
import { incidentRoleLabel, type IncidentRoleName } from "./rules";
import { viaPhrase } from "@/lib/paging/labels";

// What each timeline event says, as plain text: the incident page shows it, post-mortems quote it.

const text = (value: unknown) => (typeof value === "string" ? value : "");
const names = (value: unknown) => (Array.isArray(value) ? value.filter((name): name is string => typeof name === "string") : []);

/** "paged Jane Smith, John Doe · Blockchain step 2", and who an earlier step had already reached. */
function describePaging(data: Record<string, unknown>): string {
  const people = names(data.people);
  const already = names(data.alreadyPaged);
  const round = typeof data.round === "number" && data.round > 0 ? ` (repeat ${data.round})` : "";
  const paged = people.length > 0 ? `paged ${people.join(", ")}` : "paged nobody new";
  return `${paged} · ${text(data.escalation)} step ${String(data.step)}${round}${already.length > 0 ? ` · already paged: ${already.join(", ")}` : ""}`;
}

// A paged contact who acknowledges, or Alertmanager declaring, is not a user: the event names them in its data instead.
export const eventSubject = (event: TimelineEvent) => event.actor ?? (text(event.data.by) || "Firebreak");

export function describeEvent(event: TimelineEvent): string {
  const data = event.data;
  switch (event.kind) {
    case "declared":
      return `declared the incident (${text(data.severity)})${names(data.systems).length > 0 ? ` affecting ${names(data.systems).join(", ")}` : ""}`;
    case "acknowledged":
      return `acknowledged ${viaPhrase(text(data.via))}`.trim();
    case "paged":
      return typeof data.escalation === "string" ? describePaging(data) : "paged";
    case "mitigated":
      return "marked it mitigated";
    case "resolved":
      return typeof data.dataLossSeconds === "number" ? `resolved it · data loss ${formatSpan(data.dataLossSeconds)}` : "resolved it";
    case "closed":
      return "closed it";
    case "reopened":
      return `reopened it (was ${text(data.from)})`;
    case "breached":
      return "Acknowledge-by target breached";
    case "severity_changed":
      return `changed severity from ${text(data.from)} to ${text(data.to)}`;
    case "role_assigned": {
      const role = incidentRoleLabel[data.role as IncidentRoleName] ?? text(data.role);
      return data.from ? `handed ${role} from ${text(data.from)} to ${text(data.to)}` : `made ${text(data.to)} ${role}`;
    }
    case "note":
      return "added a note";
    case "status_update":
      return "posted a status update";
    // The incident page draws these with a link to the run (RunEventText); this is their text.
    case "runbook_requested":
    case "runbook_approved":
    case "runbook_rejected":
    case "runbook_started":
      return `${event.kind.slice("runbook_".length)} runbook “${text(data.title) || text(data.runbook)}”`;
    case "runbook_step":
      return `ran “${text(data.step)}” of “${text(data.title) || text(data.runbook)}”: ${text(data.status)}`;
    case "runbook_finished":
      return `finished runbook “${text(data.title) || text(data.runbook)}”: ${text(data.status)}`;
    case "postmortem_created":
      return "started the post-mortem";
    case "postmortem_published":
      return "published the post-mortem";
    case "postmortem_reopened":
      return "reopened the post-mortem";
    default:
      return event.kind;
  }
}
