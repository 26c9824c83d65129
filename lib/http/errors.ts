import { databaseOutage, isDatabaseUnavailable } from "@/lib/db/availability";
import { DomainError, type FieldErrors } from "@/lib/errors";

/** A request refused for what it is (malformed, too large, asking for nothing that exists), with the status that says so. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** Every error answer has this one shape: `{ error, fieldErrors? }`, fields named by their path. */
export function errorResponse(status: number, error: string, options: { fieldErrors?: FieldErrors; headers?: HeadersInit } = {}): Response {
  return Response.json({ error, fieldErrors: options.fieldErrors }, { status, headers: options.headers });
}

// Alertmanager and the providers retry a 5xx; Retry-After says when to, for clients that read it.
const RETRY_AFTER_SECONDS = "5";

/**
 * The answer to a request that failed with `error`. Expected failures say what went wrong; a
 * database that is away is a 503 to retry, said in the log once every few seconds rather than once
 * per request; anything else is logged and answered 500 without its message.
 */
export function responseForError(error: unknown, request: Pick<Request, "method" | "url">): Response {
  if (error instanceof HttpError) return errorResponse(error.status, error.message, { fieldErrors: error.fieldErrors });
  if (error instanceof DomainError) return errorResponse(422, error.message, { fieldErrors: error.fieldErrors });
  if (isDatabaseUnavailable(error)) {
    databaseOutage.failed(error);
    return errorResponse(503, "The database is unavailable; try again", { headers: { "retry-after": RETRY_AFTER_SECONDS } });
  }
  console.error(`[http] ${request.method} ${new URL(request.url, "http://localhost").pathname} failed`, error);
  return errorResponse(500, "Internal server error");
}
