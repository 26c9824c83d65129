import ical from "ical-generator";
import type { Shift } from "./rotation";

// A schedule's shifts as an iCalendar feed (RFC 5545), for a secret URL people subscribe to: per
// schedule (everyone's shifts) or per person (their own, across schedules). Each shift keeps its
// UID from one fetch to the next, so a calendar updates it in place when the rotation changes.

export interface CalendarShift {
  scheduleKey: string;
  scheduleName: string;
  personId: string;
  personName: string;
  start: Date;
  end: Date;
}

export interface CalendarOptions {
  /** The calendar's name as a client lists it: "Firebreak on call: Bridge primary". */
  name: string;
  /** Where the shift is seen in Firebreak: the schedule's page. */
  url?: (shift: CalendarShift) => string;
  /** When the feed was made (DTSTAMP); now unless given. */
  now?: Date;
}

/** How often a client should fetch the feed again. */
const REFRESH_SECONDS = 3600;

/** The people's shifts of a final schedule; gaps are not events. */
export function calendarShifts(schedule: { key: string; name: string }, shifts: readonly Shift[], nameOf: (personId: string) => string): CalendarShift[] {
  return shifts.flatMap((shift) =>
    shift.personId === null
      ? []
      : [{ scheduleKey: schedule.key, scheduleName: schedule.name, personId: shift.personId, personName: nameOf(shift.personId), start: shift.start, end: shift.end }],
  );
}

export function shiftCalendar(shifts: readonly CalendarShift[], { name, url, now = new Date() }: CalendarOptions): string {
  const calendar = ical({ name, prodId: { company: "Firebreak", product: "On call", language: "EN" }, ttl: REFRESH_SECONDS });
  for (const shift of shifts) {
    calendar.createEvent({
      id: `${shift.scheduleKey}.${shift.personId}.${shift.start.getTime()}@firebreak`,
      start: shift.start,
      end: shift.end,
      stamp: now,
      summary: `On call: ${shift.scheduleName} (${shift.personName})`,
      description: `${shift.personName} is on call for ${shift.scheduleName}.`,
      url: url?.(shift) ?? null,
    });
  }
  return calendar.toString();
}
