import { formatTimestamp, formatSpan } from "@/lib/incidents/format";
import { incidentRoleLabel, type IncidentRoleName } from "@/lib/incidents/rules";
import type { TimelineEvent } from "@/lib/incidents/queries";
import { Markdown } from "@/components/ui/markdown";
import { viaPhrase } from "@/components/paging/labels";
import { isRunEvent, runEventBodyAddsDetail, RunEventText } from "@/components/runbooks/run-event-text";

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

// A paged contact who acknowledges is not a user: the event names them in its data instead.
const subjectOf = (event: TimelineEvent) => event.actor ?? ((event.kind === "acknowledged" && text(event.data.by)) || "Firebreak");

// Events whose description already says what their body says.
const describedInFull = (event: TimelineEvent) =>
  (event.kind === "paged" && typeof event.data.escalation === "string") || (isRunEvent(event.kind) && !runEventBodyAddsDetail(event.data));

function describe(event: TimelineEvent): string {
  const data = event.data;
  switch (event.kind) {
    case "declared":
      return `declared the incident (${text(data.severity)}) affecting ${Array.isArray(data.systems) ? data.systems.join(", ") : ""}`;
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
            <span className="font-medium">{subjectOf(event)}</span> {isRunEvent(event.kind) ? <RunEventText kind={event.kind} data={event.data} /> : describe(event)}
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
            event.body &&
            !describedInFull(event) && (
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
