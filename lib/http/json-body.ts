const noStore = { "cache-control": "no-store" };

type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

const refuse = (status: 400 | 413, error: string, detail: string): JsonBody => ({
  ok: false,
  response: Response.json({ error, fieldErrors: { body: [detail] } }, { status, headers: noStore }),
});

/**
 * The request's JSON, read no further than `maxBytes`: a body over the limit is refused with 413
 * whether or not it declared its length, and never held in memory whole.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
  const tooLarge = () => refuse(413, "Request body too large", `the body must be at most ${maxBytes} bytes`);
  if (Number(request.headers.get("content-length")) > maxBytes) return tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
    size += chunk.value.byteLength;
    if (size > maxBytes) {
      await reader?.cancel();
      return tooLarge();
    }
    chunks.push(chunk.value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const reason = text.trim() === "" ? "the body is empty" : error instanceof Error ? error.message : "it does not parse";
    return refuse(400, "Malformed JSON", `the body must be JSON: ${reason}`);
  }
}
