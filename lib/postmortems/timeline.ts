import { incidentTimeline } from "@/lib/incidents/events";
import { pagingTimeline } from "@/lib/paging/events";
import { runbookTimeline } from "@/lib/runbooks/events";
import { describeWith, timelineOf } from "@/lib/timeline/events";

export const postmortemTimeline = timelineOf({
  postmortem_created: () => "started the post-mortem",
  postmortem_published: () => "published the post-mortem",
  postmortem_reopened: () => "reopened the post-mortem",
});

/** How any event on an incident's timeline reads: the incident page shows it, a post-mortem quotes it. */
export const describeEvent = describeWith(incidentTimeline, pagingTimeline, runbookTimeline, postmortemTimeline);
