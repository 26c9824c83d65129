import { smsSegments } from "@/lib/templates/segments";

/** What the rendered SMS costs: its length in the encoding it needs, and how many parts. */
export function SmsSegments({ text, testId }: { text: string; testId: string }) {
  const { encoding, characters, segments } = smsSegments(text);
  return (
    <p className="text-xs text-slate-600" aria-live="polite" data-testid={testId} data-segments={segments} data-encoding={encoding}>
      {characters} {characters === 1 ? "character" : "characters"} · {segments} {segments === 1 ? "segment" : "segments"} · {encoding}
      {encoding === "UCS-2" && " (a character outside the GSM-7 alphabet, such as an emoji or a dash, makes every part shorter)"}
    </p>
  );
}
