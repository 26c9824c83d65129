import "server-only";
import { changesSince, subscribe as subscribeToChanges, type HeardChange, type Subscriber } from "./listener";
import { CLOCK_MARGIN_MS, type LiveMessage } from "./message";
import { watchWorkers } from "./worker-watch";

// Server-sent events: one `data:` line of JSON per message, comments to keep proxies from closing an idle stream.

export const HEARTBEAT_MS = 15_000;
/** How long a browser waits before reconnecting a dropped stream. */
export const RETRY_MS = 2_000;

export const EVENT_STREAM_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  // no-transform also stops the server's gzip, which would hold events back in its buffer.
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
  // A stream's connection is its own: when the stream ends (the server stopping) the socket closes
  // too, instead of idling as keep-alive and holding the server's shutdown open.
  connection: "close",
};

// `next start` waits for every open response before it exits on SIGTERM or SIGINT, and an event
// stream never ends by itself: end them all, and browsers reconnect to whichever server is up next.
const shared = globalThis as unknown as { firebreakOpenStreams?: Set<() => void> };

function openStreams(): Set<() => void> {
  if (!shared.firebreakOpenStreams) {
    shared.firebreakOpenStreams = new Set();
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, endOpenStreams);
  }
  return shared.firebreakOpenStreams;
}

export function endOpenStreams(): void {
  shared.firebreakOpenStreams?.forEach((end) => end());
}

/** A change goes with when this server heard it, which the browser sends back as `since` when it reconnects. */
function encodeMessage(message: LiveMessage, at?: number): string {
  return `data: ${JSON.stringify(at === undefined ? message : { ...message, at })}\n\n`;
}

/** Every message a stream carries: committed changes, and news of the workers. */
function subscribeToAll(subscriber: Subscriber): () => void {
  const unsubscribeFromChanges = subscribeToChanges(subscriber);
  const unsubscribeFromWorkers = watchWorkers(subscriber);
  return () => {
    unsubscribeFromChanges();
    unsubscribeFromWorkers();
  };
}

interface StreamOptions {
  /** Aborted when the client goes away. */
  signal: AbortSignal;
  subscribe?: (subscriber: Subscriber) => () => void;
  heartbeatMs?: number;
  /**
   * When the browser last knew the data (a server clock, ms): what changed since is sent first, or
   * "resync" when this server cannot know it all. Absent: only what changes from now on.
   */
  since?: number;
  recent?: (since: number) => HeardChange[] | null;
}

export function changeEventStream({ signal, subscribe = subscribeToAll, heartbeatMs = HEARTBEAT_MS, since, recent = changesSince }: StreamOptions): ReadableStream<Uint8Array> {
  const streams = openStreams();
  const encoder = new TextEncoder();
  let stop = () => {};
  return new ReadableStream({
    start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      send(`retry: ${RETRY_MS}\n\n`);
      // Subscribed before reading what was missed, so nothing falls between; a change both heard and sent again costs a fetch.
      const unsubscribe = subscribe((message, at) => send(encodeMessage(message, at)));
      if (since !== undefined) {
        const missed = recent(since - CLOCK_MARGIN_MS);
        if (missed) for (const { change, at } of missed) send(encodeMessage(change, at));
        else send(encodeMessage({ topic: "resync" }));
      }
      const heartbeat = setInterval(() => send(": heartbeat\n\n"), heartbeatMs);
      const end = () => {
        stop();
        controller.close();
      };
      stop = () => {
        stop = () => {};
        unsubscribe();
        clearInterval(heartbeat);
        signal.removeEventListener("abort", end);
        streams.delete(end);
      };
      streams.add(end);
      if (signal.aborted) end();
      else signal.addEventListener("abort", end);
    },
    // The response body was cancelled: the client disconnected before the signal said so.
    cancel() {
      stop();
    },
  });
}
