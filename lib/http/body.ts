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

/** A JSON body's value; 400 naming the body when it does not parse. */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = text.trim() === "" ? "the body is empty" : error instanceof Error ? error.message : "it does not parse";
    throw new HttpError(400, "Malformed JSON", { body: [`the body must be JSON: ${reason}`] });
  }
}

/** A form-encoded body (what Twilio posts) as name → value; a repeated name keeps its last value. */
export function parseFormBody(text: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(text));
}
