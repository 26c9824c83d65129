import { withRole } from "@/lib/auth/route";
import { changeEventStream, EVENT_STREAM_HEADERS } from "@/lib/live/event-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Every role may watch: a message says only which incident changed (or that settings did), never how.
export const GET = withRole("viewer", async (request) =>
  new Response(changeEventStream({ signal: request.signal }), { headers: EVENT_STREAM_HEADERS }),
);
