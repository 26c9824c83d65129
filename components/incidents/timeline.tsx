import { formatTimestamp, formatSpan } from "@/lib/incidents/format";
import { incidentRoleLabel, type IncidentRoleName } from "@/lib/incidents/rules";
import type { TimelineEvent } from "@/lib/incidents/queries";
import { Markdown } from "@/components/ui/markdown";

const text = (value: unknown) => (typeof value === "string" ? value : "");

function describe(event: TimelineEvent): string {
  const data = event.data;
  switch (event.kind) {
    case "declared":
      return `declared the incident (${text(data.severity)}) affecting ${Array.isArray(data.systems) ? data.systems.join(", ") : ""}`;
    case "acknowledged":
      return "acknowledged";
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
    default:
      return event.kind;
  }
}

export function Timeline({ events }: { events: TimelineEvent[] }) {
  return (
    <ol className="space-y-3" data-testid="timeline">
      {events.map((event) => (
        <li
          key={event.id}
          data-testid="timeline-event"
          data-kind={event.kind}
          className={`rounded-md border p-3 text-sm ${event.kind === "status_update" ? "border-sky-200 bg-sky-50" : event.kind === "breached" ? "border-red-200 bg-red-50" : "border-slate-200 bg-white"}`}
        >
          <p>
            <span className="font-medium">{event.actor ?? "Firebreak"}</span> {describe(event)}
            <span className="text-slate-500"> · {formatTimestamp(event.at)}</span>
          </p>
          {event.kind === "status_update" ? (
            <dl className="mt-2 grid gap-1 sm:grid-cols-[8rem_1fr]">
              <dt className="font-medium text-slate-700">Progress</dt>
              <dd>{text(event.data.progress)}</dd>
              <dt className="font-medium text-slate-700">Next steps</dt>
              <dd>{text(event.data.nextSteps)}</dd>
              <dt className="font-medium text-slate-700">ETA</dt>
              <dd>{text(event.data.eta) || "not given"}</dd>
            </dl>
          ) : (
            event.body && (
              <div className="mt-1 text-slate-800">
                <Markdown>{event.body}</Markdown>
              </div>
            )
          )}
        </li>
      ))}
    </ol>
  );
}
