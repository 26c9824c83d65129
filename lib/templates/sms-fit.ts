import type { PlaceholderName, PlaceholderValues } from "./placeholders";
import { smsSegments } from "./segments";

// An SMS has to arrive whole and still be acted on. Twilio refuses a body over 1,600 characters for
// good, and a long one costs many parts and reads badly on a lock screen; so free text (a title, an
// alert's description as the impact) is cut per placeholder, and the rendered message is cut to a
// budget of parts. The lines that make a page actionable (the incident link and the "Reply ACK"
// instruction) are never cut. Cuts end in "..." (GSM-7: "…" would make the whole message UCS-2).

/** The most parts a page's SMS may cost: 4 × 153 GSM-7 characters, or 4 × 67 in UCS-2. */
export const SMS_MAX_SEGMENTS = 4;
/** The most characters one free-text placeholder brings into an SMS. */
export const SMS_FIELD_MAX = 120;

const ELLIPSIS = "...";

/** Placeholders whose values people write, as long as they like. */
const FREE_TEXT: readonly PlaceholderName[] = ["title", "system", "impact", "actions", "progress", "nextSteps", "eta", "resolution", "prevention", "followup"];

/** `text` in at most `max` characters, cut at a character (never inside a surrogate pair) and marked. */
export function cut(text: string, max: number): string {
  const characters = [...text];
  if (characters.length <= max) return text;
  return `${characters
    .slice(0, Math.max(0, max - ELLIPSIS.length))
    .join("")
    .trimEnd()}${ELLIPSIS}`;
}

/** The values an SMS renders with: free text cut to SMS_FIELD_MAX, links and codes whole. */
export function smsValues<V extends PlaceholderValues>(values: V): V {
  const cutValues = { ...values };
  for (const name of FREE_TEXT) cutValues[name] = cut(values[name], SMS_FIELD_MAX);
  return cutValues;
}

/**
 * The rendered SMS within `maxSegments` parts: while it is over, the longest line that holds none of
 * `keep` (the link, the acknowledgement code) loses a quarter of its length, and a line cut to
 * nothing goes. Lines holding `keep` stay as they are.
 */
export function fitSms(body: string, keep: readonly string[], maxSegments = SMS_MAX_SEGMENTS): string {
  const kept = keep.filter((value) => value !== "").map((value) => value.toLowerCase());
  const essential = (line: string) => kept.some((value) => line.toLowerCase().includes(value));
  let lines = body.split("\n");
  for (;;) {
    const text = lines.join("\n");
    if (smsSegments(text).segments <= maxSegments) return text;
    const candidates = lines.map((line, index) => ({ line, index })).filter(({ line }) => !essential(line) && line.length > 0);
    if (candidates.length === 0) return text;
    const longest = candidates.reduce((best, candidate) => ([...candidate.line].length > [...best.line].length ? candidate : best));
    const length = [...longest.line].length;
    const shorter = length <= ELLIPSIS.length + 4 ? "" : cut(longest.line, Math.floor(length * 0.75));
    lines = shorter === "" ? lines.filter((_, index) => index !== longest.index) : lines.map((line, index) => (index === longest.index ? shorter : line));
  }
}
