import "server-only";
import { subscribe as subscribeToChanges, type LiveMessage, type Subscriber } from "./listener";
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

function encodeMessage(message: LiveMessage): string {
  return `data: ${JSON.stringify(message)}\n\n`;
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
}

export function changeEventStream({ signal, subscribe = subscribeToAll, heartbeatMs = HEARTBEAT_MS }: StreamOptions): ReadableStream<Uint8Array> {
  const streams = openStreams();
  const encoder = new TextEncoder();
  let stop = () => {};
  return new ReadableStream({
    start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      send(`retry: ${RETRY_MS}\n\n`);
      const unsubscribe = subscribe((message) => send(encodeMessage(message)));
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
