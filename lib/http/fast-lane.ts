import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { receiveAlertmanagerWebhook } from "@/lib/alerts/receive";
import { databaseOutage, isDatabaseUnavailable } from "@/lib/db/availability";

// Endpoints the web server answers itself, ahead of Next.js: the ones automation calls in storms.
// Next's routing costs about 3 ms of CPU a request on a small machine, most of an alert storm's
// budget; these handlers need none of it (no session, no rendering) and are the same functions
// their route files export, which is how `next dev` serves them.

type WebHandler = (request: Request) => Promise<Response>;

const routes = new Map<string, WebHandler>([["POST /api/webhooks/alertmanager", receiveAlertmanagerWebhook]]);

/** The handler for this request, if the fast lane serves it: method and exact path, query ignored. */
export function fastLaneHandler(request: IncomingMessage): WebHandler | undefined {
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

// Alertmanager retries a 5xx; Retry-After says when to, for clients that read it.
const RETRY_AFTER_SECONDS = "5";

/**
 * Runs `handler` on the Node request and writes its answer. A database that is away is a 503 to
 * retry, said once every few seconds in the log rather than once per request; any other failure
 * is a 500, logged.
 */
export async function serveFastLane(handler: WebHandler, request: IncomingMessage, response: ServerResponse): Promise<void> {
  let answer: Response;
  try {
    answer = await handler(toWebRequest(request));
    databaseOutage.recovered();
  } catch (error) {
    const headers = { "cache-control": "no-store" };
    if (isDatabaseUnavailable(error)) {
      databaseOutage.failed(error);
      answer = Response.json({ error: "The database is unavailable; try again" }, { status: 503, headers: { ...headers, "retry-after": RETRY_AFTER_SECONDS } });
    } else {
      console.error(`[web] ${request.method} ${request.url} failed`, error);
      answer = Response.json({ error: "Internal server error" }, { status: 500, headers });
    }
  }
  const body = Buffer.from(await answer.arrayBuffer());
  response.statusCode = answer.status;
  answer.headers.forEach((value, name) => response.setHeader(name, value));
  response.setHeader("content-length", body.byteLength);
  response.end(body);
}
