import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { databaseOutage } from "@/lib/db/availability";
import { responseForError } from "./errors";
import { withNoStore } from "./no-store";

// Endpoints the web server answers itself, ahead of Next.js: the ones automation calls in storms.
// Next's routing costs about 3 ms of CPU a request on a small machine, most of an alert storm's
// budget; these handlers need none of it (no session, no rendering). The server that starts the
// fast lane hands it the very functions the route files export, which is how `next dev` serves them.

export type WebHandler = (request: Request) => Promise<Response>;

/** What the fast lane serves: "METHOD /exact/path" → the route's handler. */
export type FastLaneRoutes = ReadonlyMap<string, WebHandler>;

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
 * Runs `handler` on the Node request and writes its answer. A failure the handler did not answer
 * itself is answered as a route's would be: a database that is away a 503 to retry, anything else
 * a 500, logged.
 */
export async function serveFastLane(handler: WebHandler, request: IncomingMessage, response: ServerResponse): Promise<void> {
  let answer: Response;
  try {
    answer = await handler(toWebRequest(request));
    databaseOutage.recovered();
  } catch (error) {
    answer = withNoStore(responseForError(error, { method: request.method ?? "", url: request.url ?? "" }));
  }
  const body = Buffer.from(await answer.arrayBuffer());
  response.statusCode = answer.status;
  answer.headers.forEach((value, name) => response.setHeader(name, value));
  response.setHeader("content-length", body.byteLength);
  response.end(body);
}
