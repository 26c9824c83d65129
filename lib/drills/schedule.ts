// When a drill is next due, from the plan's recovery-tests.yml frequencies. Pure: the clock is passed in.

export const DRILL_FREQUENCIES = ["daily", "weekly", "monthly", "quarterly", "yearly"] as const;
export type DrillFrequency = (typeof DRILL_FREQUENCIES)[number];

const DAY_MS = 86_400_000;

export function isDrillFrequency(value: string): value is DrillFrequency {
  return (DRILL_FREQUENCIES as readonly string[]).includes(value);
}

/**
 * The same day `months` calendar months later, in UTC, at the same time of day; a day the
 * shorter month lacks becomes its last day (31 January + 1 month = 28 or 29 February).
 */
export function addCalendarMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDay);
  return new Date(Date.UTC(year, month, day, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()));
}

export function addPeriod(date: Date, frequency: DrillFrequency): Date {
  switch (frequency) {
    case "daily":
      return new Date(date.getTime() + DAY_MS);
    case "weekly":
      return new Date(date.getTime() + 7 * DAY_MS);
    case "monthly":
      return addCalendarMonths(date, 1);
    case "quarterly":
      return addCalendarMonths(date, 3);
    case "yearly":
      return addCalendarMonths(date, 12);
  }
}

export interface DrillDue {
  nextDueAt: Date;
  overdue: boolean;
  /** Whole days until due, rounded up ("due in 4 days" for 3.2); 0 once overdue. */
  daysUntilDue: number;
  /** Whole days past due (0 on the first day overdue); 0 when not overdue. */
  daysOverdue: number;
}

/**
 * A drill is due one period after its last run. One never run has been due since its schedule
 * was created: an untested recovery procedure is overdue, whatever the calendar says.
 */
export function drillDue(schedule: { frequency: DrillFrequency; createdAt: Date }, lastPerformedAt: Date | null, now: Date): DrillDue {
  const nextDueAt = lastPerformedAt ? addPeriod(lastPerformedAt, schedule.frequency) : schedule.createdAt;
  const remaining = nextDueAt.getTime() - now.getTime();
  const overdue = remaining < 0;
  return {
    nextDueAt,
    overdue,
    daysUntilDue: overdue ? 0 : Math.ceil(remaining / DAY_MS),
    daysOverdue: overdue ? Math.floor(-remaining / DAY_MS) : 0,
  };
}
