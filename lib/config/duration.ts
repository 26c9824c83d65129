const UNIT_SECONDS: Record<string, number> = {
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86_400,
  week: 604_800,
};

/** Parses the plan's durations ("15 minutes", "2 hours", "1 day"); null when it is not one. */
export function parseDuration(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(second|minute|hour|day|week)s?\s*$/i.exec(text);
  if (!match) return null;
  const [, amount, unit] = match;
  const seconds = Number(amount) * UNIT_SECONDS[unit!.toLowerCase()]!;
  return Number.isInteger(seconds) && seconds > 0 ? seconds : null;
}

export function formatDuration(seconds: number): string {
  for (const unit of ["week", "day", "hour", "minute"] as const) {
    const size = UNIT_SECONDS[unit]!;
    // Up to two days read better in hours, as the plan writes them ("24 hours").
    const readable = unit !== "day" || seconds > 2 * UNIT_SECONDS.day!;
    if (readable && seconds >= size && seconds % size === 0) {
      const amount = seconds / size;
      return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
    }
  }
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}
