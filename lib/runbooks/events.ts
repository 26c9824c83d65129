import { timelineOf, type EventText } from "@/lib/timeline/events";

// A run's timeline events on its incident. The incident page draws them with a link to the run
// (components/runbooks/run-event-text.tsx); this is their text, which post-mortems quote.

const text = (value: unknown) => (typeof value === "string" ? value : "");
const runbookName = (data: Record<string, unknown>) => text(data.title) || text(data.runbook);
const decided = (verb: string): EventText => ({ data }) => `${verb} runbook “${runbookName(data)}”`;

export const runbookTimeline = timelineOf({
  runbook_requested: decided("requested"),
  runbook_approved: decided("approved"),
  runbook_rejected: decided("rejected"),
  runbook_started: decided("started"),
  runbook_step: ({ data }) => `ran “${text(data.step)}” of “${runbookName(data)}”: ${text(data.status)}`,
  runbook_finished: ({ data }) => `finished runbook “${runbookName(data)}”: ${text(data.status)}`,
});

export type RunbookEventKind = keyof typeof runbookTimeline.text;
