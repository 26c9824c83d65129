import { z } from "zod";
import { defineRoute } from "@/lib/http/route";
import { session } from "@/lib/http/session-guard";
import { changeEventStream, EVENT_STREAM_HEADERS } from "@/lib/live/event-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const liveQuery = z.object({
  // When the browser's data was read (a server clock, ms since the epoch): changes heard since are sent first.
  since: z.coerce.number("Since must be a time in milliseconds since the epoch").int("Since must be a whole number of milliseconds").nonnegative("Since must not be negative").optional(),
});

// Every role may watch: a message says only which incident changed (or that settings did), never how.
// The stream keeps its own cache-control (no-cache, no-transform: no proxy may buffer or gzip it).
export const GET = defineRoute({ auth: session("viewer"), query: liveQuery }, async ({ request, query }) =>
  new Response(changeEventStream({ signal: request.signal, since: query.since }), { headers: EVENT_STREAM_HEADERS }),
);
