// A <input type="datetime-local"> carries no time zone: Firebreak's forms label them UTC and read them so.

const pattern = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

/** "2026-05-04T09:30" (seconds optional) as that moment in UTC; null when it is not a real date and time. */
export function parseUtcDateTimeLocal(text: string): Date | null {
  const match = pattern.exec(text);
  if (!match) return null;
  const iso = `${match[1]}T${match[2]}:${match[3] ?? "00"}`;
  const date = new Date(`${iso}Z`);
  // An impossible date or time ("2026-02-30", "24:00") is refused or rolled over: only one that reads back the same is real.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 19) === iso ? date : null;
}

/** The value a datetime-local input shows for `date` in UTC, to the minute. */
export function toUtcDateTimeLocal(date: Date): string {
  return date.toISOString().slice(0, 16);
}
