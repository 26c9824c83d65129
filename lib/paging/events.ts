import { timelineOf } from "@/lib/timeline/events";

// Paging's timeline event: who an escalation step paged.

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

export const pagingTimeline = timelineOf({
  paged: ({ data }) => (typeof data.escalation === "string" ? describePaging(data) : "paged"),
});
