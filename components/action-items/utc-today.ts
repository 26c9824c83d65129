/** Today as a calendar date, "2026-03-10": the UTC day that due dates are compared with (see isOverdue). */
export function utcToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
