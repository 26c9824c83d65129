import type { IncomingMessage, ServerResponse } from "node:http";

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
/** The Alertmanager route's limit, the largest of the lane's routes. */
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** The handler for this request, if the fast lane serves it: method and exact path, query ignored. */
export function fastLaneHandler(routes: FastLaneRoutes, request: IncomingMessage): WebHandler | undefined {
  const url = request.url ?? "";
  const query = url.indexOf("?");
  return routes.get(`${request.method} ${query === -1 ? url : url.slice(0, query)}`);
}

/**
 * The body, read into memory up to `limit` bytes and one more: a route refuses a body over its own
 * limit (lib/http/body.ts) from what it is given, and reading stops there. One declared larger than
 * `limit` is not read at all; the route refuses it by its length. A buffer costs a post a fraction
 * of what bridging Node's stream to a web stream does, and the lane's bodies are small.
 */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  if (Number(request.headers["content-length"]) > limit) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (outcome: () => void) => {
      request.off("data", onData).off("end", onEnd).off("error", onGone).off("close", onGone);
      outcome();
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.byteLength;
      // Left unread past here; the answer closes the connection (closesConnection).
      if (size > limit) settle(() => (request.pause(), resolve(Buffer.concat(chunks))));
    };
    const onEnd = () => settle(() => resolve(Buffer.concat(chunks)));
    // An error on a request's stream is its client going away (reset, or aborted mid-body).
    const onGone = () => settle(() => reject(new ClientGone()));
    request.on("data", onData).on("end", onEnd).on("error", onGone).on("close", onGone);
  });
}

/** The client went away before its body arrived: nobody to answer. */
class ClientGone extends Error {}

async function toWebRequest(request: IncomingMessage, maxBodyBytes: number): Promise<Request> {
  const headers = new Headers();
  const raw = request.rawHeaders;
  for (let index = 0; index < raw.length; index += 2) headers.append(raw[index]!, raw[index + 1]!);
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new Request(`http://${request.headers.host ?? "localhost"}${request.url}`, {
    method: request.method,
    headers,
    // A Buffer is a Uint8Array; only its type's buffer parameter is wider than BodyInit names.
    body: hasBody ? ((await readBody(request, maxBodyBytes)) as Uint8Array<ArrayBuffer>) : undefined,
  });
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
    /** The largest body a lane route accepts; a longer one is read this far and no further. */
    private readonly maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
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
    void serveFastLane(handler, request, response, this.maxBodyBytes).finally(() => (this.inFlight -= 1));
    return true;
  }
}

/**
 * Runs `handler` on the Node request and writes its answer. The handlers answer their own failures
 * (lib/http/route.ts); one that throws anyway is a bug, logged and answered 500.
 */
async function serveFastLane(handler: WebHandler, request: IncomingMessage, response: ServerResponse, maxBodyBytes: number): Promise<void> {
  try {
    const result = await handler(await toWebRequest(request, maxBodyBytes));
    const headers: Record<string, string> = {};
    result.headers.forEach((value, name) => (headers[name] = value));
    answer(response, result.status, headers, Buffer.from(await result.arrayBuffer()));
  } catch (error) {
    if (error instanceof ClientGone) return void response.destroy();
    console.error(`[web] ${request.method} ${request.url} failed`, error);
    if (!response.headersSent) answer(response, 500, { "content-type": "application/json", "cache-control": "no-store" }, Buffer.from(JSON.stringify({ error: "Internal server error" })));
    else response.end();
  }
}
