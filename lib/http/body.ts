import { HttpError } from "./errors";

/**
 * The request's body as text, read no further than `maxBytes`: a body over the limit is refused
 * with 413 whether or not it declared its length, and never held in memory whole.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new HttpError(413, "Request body too large", { body: [`the body must be at most ${maxBytes} bytes`] });
  if (Number(request.headers.get("content-length")) > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
    size += chunk.value.byteLength;
    if (size > maxBytes) {
      // Left unread rather than cancelled: cancelling would reset the connection before the 413 is
      // written. The 413 closes the connection instead (lib/http/fast-lane.ts).
      reader?.releaseLock();
      throw tooLarge();
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

// JSON can name half of a UTF-16 surrogate pair ("\ud800"), which no UTF-8 text holds: PostgreSQL
// refuses such a string in a JSON column, and a text column stores U+FFFD in its place. Read as
// U+FFFD here, in keys and values alike, so a body that carries one (an alert's label) is stored
// as a text column would store it rather than failing, and retried for ever, in the database. Only
// a body with a surrogate escape in it is walked.
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

function wellFormed(value: unknown): unknown {
  if (typeof value === "string") return value.toWellFormed();
  if (Array.isArray(value)) return value.map(wellFormed);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key.toWellFormed(), wellFormed(entry)]));
  return value;
}

/** A JSON body's value; 400 naming the body when it does not parse. Halves of surrogate pairs read as U+FFFD. */
export function parseJsonBody(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return SURROGATE_ESCAPE.test(text) ? wellFormed(value) : value;
  } catch (error) {
    const reason = text.trim() === "" ? "the body is empty" : error instanceof Error ? error.message : "it does not parse";
    throw new HttpError(400, "Malformed JSON", { body: [`the body must be JSON: ${reason}`] });
  }
}

/** A form-encoded body (what Twilio posts) as name → value; a repeated name keeps its last value. */
export function parseFormBody(text: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(text));
}
