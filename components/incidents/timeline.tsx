import { describeEvent } from "@/lib/postmortems/timeline";
import { eventSubject } from "@/lib/timeline/events";
import type { TimelineEvent } from "@/lib/timeline/events";
import { Markdown } from "@/components/ui/markdown";
import { Timestamp } from "@/components/ui/timestamp";
import { isRunEvent, runEventBodyAddsDetail, RunEventText } from "@/components/runbooks/run-event-text";

const text = (value: unknown) => (typeof value === "string" ? value : "");

// Events whose description already says what their body says.
const describedInFull = (event: TimelineEvent) =>
  (event.kind === "paged" && typeof event.data.escalation === "string") || (isRunEvent(event.kind) && !runEventBodyAddsDetail(event.data));

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
            <span className="font-medium">{eventSubject(event)}</span> {isRunEvent(event.kind) ? <RunEventText kind={event.kind} data={event.data} /> : describeEvent(event)}
            <span className="text-slate-500"> · <Timestamp iso={event.at} /></span>
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
