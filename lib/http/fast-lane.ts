import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";

// Endpoints the web server answers itself, ahead of Next.js's router: the ones automation calls in
// storms. Next's routing costs about 3 ms of CPU a request on a small machine, most of an alert
// storm's budget; these handlers need none of it (no session, no rendering). The handlers are the
// ones Next.js built (scripts/web-server.ts loads them from the build), so the process runs one copy
// of the application's modules: one database pool, one account of an outage. This module imports
// nothing of the application for that reason.
//
// When the lane is full it answers at once, 503 with Retry-After, rather than queue: Alertmanager
// retries a 5xx and loses nothing, where a request queued behind hundreds of others would wait
// seconds, be retried anyway, and add to the pile.

export type WebHandler = (request: Request) => Promise<Response>;

/** What the fast lane serves: "METHOD /exact/path" → the route's handler. */
export type FastLaneRoutes = ReadonlyMap<string, WebHandler>;

const OVERLOADED_RETRY_AFTER_SECONDS = "1";

/** The handler for this request, if the fast lane serves it: method and exact path, query ignored. */
export function fastLaneHandler(routes: FastLaneRoutes, request: IncomingMessage): WebHandler | undefined {
  const url = request.url ?? "";
  const query = url.indexOf("?");
  return routes.get(`${request.method} ${query === -1 ? url : url.slice(0, query)}`);
}

function toWebRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
  }
  return new Request(`http://${request.headers.host ?? "localhost"}${request.url}`, {
    method: request.method,
    headers,
    body: Readable.toWeb(request) as ReadableStream<Uint8Array>,
    duplex: "half",
  } as RequestInit);
}

/**
 * A request answered before its body was read to the end (refused for its size, its token or its
 * signature) must not leave its connection to carry another: the client's next request on it hung
 * behind the rest of that body and was reset.
 */
export const closesConnection = (request: IncomingMessage, status: number) => status === 413 || !request.complete;

function answer(response: ServerResponse, status: number, headers: Record<string, string>, body: Buffer): void {
  response.statusCode = status;
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  if (closesConnection(response.req, status)) response.setHeader("connection", "close");
  response.setHeader("content-length", body.byteLength);
  response.end(body);
}

export class FastLane {
  private inFlight = 0;
  /** Requests answered 503 because the lane was full, since the process started. */
  refused = 0;

  constructor(
    private readonly routes: FastLaneRoutes,
    /** Requests worked on at once (WEBHOOK_MAX_IN_FLIGHT); a post takes a few ms of CPU, so 64 at once is already a queue on 2 cores. */
    private readonly maxInFlight: number,
  ) {}

  /** Serves the request if it is the lane's (true), or leaves it to Next.js (false). */
  serve(request: IncomingMessage, response: ServerResponse): boolean {
    const handler = fastLaneHandler(this.routes, request);
    if (!handler) return false;
    if (this.inFlight >= this.maxInFlight) {
      this.refused += 1;
      // The body is not read: closing the connection after the answer discards it.
      const body = Buffer.from(JSON.stringify({ error: "Firebreak is busy; try again" }));
      answer(response, 503, { "content-type": "application/json", "retry-after": OVERLOADED_RETRY_AFTER_SECONDS, "cache-control": "no-store", connection: "close" }, body);
      return true;
    }
    this.inFlight += 1;
    void serveFastLane(handler, request, response).finally(() => (this.inFlight -= 1));
    return true;
  }
}

/**
 * Runs `handler` on the Node request and writes its answer. The handlers answer their own failures
 * (lib/http/route.ts); one that throws anyway is a bug, logged and answered 500.
 */
export async function serveFastLane(handler: WebHandler, request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    const result = await handler(toWebRequest(request));
    const headers: Record<string, string> = {};
    result.headers.forEach((value, name) => (headers[name] = value));
    answer(response, result.status, headers, Buffer.from(await result.arrayBuffer()));
  } catch (error) {
    console.error(`[web] ${request.method} ${request.url} failed`, error);
    if (!response.headersSent) answer(response, 500, { "content-type": "application/json", "cache-control": "no-store" }, Buffer.from(JSON.stringify({ error: "Internal server error" })));
    else response.end();
  }
}
