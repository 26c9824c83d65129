/** Answers are never cached unless the handler chose otherwise (an event stream's no-cache, no-transform). */
export function withNoStore(response: Response): Response {
  if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
  return response;
}
