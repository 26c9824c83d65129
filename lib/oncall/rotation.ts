import { Temporal } from "temporal-polyfill";

// Who is on call when: a schedule's rotation layers, the higher over the lower, and overrides on
// top, computed in the schedule's time zone. Turns of days and weeks hand off at the same local
// time whatever daylight saving does (a 09:00 handoff stays 09:00, so a turn that spans a change
// is an hour shorter or longer); turns of hours are elapsed time, as PagerDuty counts them.
// Pure: no database, no clock. Instants are Dates; local times are "HH:MM" in the schedule's zone.

export type TurnUnit = "hours" | "days" | "weeks";
/** ISO weekday: Monday 1 … Sunday 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** When a layer applies: from `from` to `to` local time, starting on each of `days` (every day without). A `to` at or before `from` ends the next day. */
export interface Restriction {
  days?: readonly Weekday[];
  from: string;
  to: string;
}

export interface RotationLayer {
  /** Who takes turns, in order: ids. */
  people: readonly string[];
  turn: { length: number; unit: TurnUnit };
  /** The local date of the first turn, which the first person takes: "2026-12-07". */
  startDate: string;
  /** The local time turns hand over: "09:00". The layer covers nothing before its first handoff. */
  handoff: string;
  restrictions?: readonly Restriction[];
}

/** One person on call for a window, over every layer. Of two that overlap, the later in the list wins. */
export interface Override {
  personId: string;
  start: Date;
  end: Date;
}

export interface ScheduleDefinition {
  /** IANA zone the layers' dates and times are read in. */
  timeZone: string;
  /** Lowest first: a higher layer covers a lower one wherever it has someone. */
  layers: readonly RotationLayer[];
  overrides: readonly Override[];
}

/** A stretch of the final schedule: who is on call (null: nobody, a gap) and why. */
export interface Shift {
  personId: string | null;
  start: Date;
  end: Date;
  /** The layer's index, "override", or null for a gap. */
  source: number | "override" | null;
}

interface Span {
  start: number;
  end: number;
}

interface Covered extends Span {
  personId: string;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const plainTime = (text: string) => Temporal.PlainTime.from(text);

/** The instant of a local date and time in `zone`; a time the clocks skip is read as after the change, as most calendars do. */
function instantOf(date: Temporal.PlainDate, time: Temporal.PlainTime, zone: string): number {
  return date.toZonedDateTime({ timeZone: zone, plainTime: time }).epochMilliseconds;
}

const localDate = (at: number, zone: string) => Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone).toPlainDate();

/** The layer's turn boundaries: the k-th handoff (k ≥ 0) as an instant. */
function handoffs(layer: RotationLayer, zone: string): { at: (k: number) => number; approxLengthMs: number } {
  const date = Temporal.PlainDate.from(layer.startDate);
  const time = plainTime(layer.handoff);
  const first = instantOf(date, time, zone);
  if (layer.turn.unit === "hours") return { at: (k) => first + k * layer.turn.length * HOUR_MS, approxLengthMs: layer.turn.length * HOUR_MS };
  const days = layer.turn.length * (layer.turn.unit === "weeks" ? 7 : 1);
  return { at: (k) => instantOf(date.add({ days: k * days }), time, zone), approxLengthMs: days * DAY_MS };
}

/** The layer's turns within [from, to), each with its person; nothing before the first handoff. */
function turns(layer: RotationLayer, zone: string, window: Span): Covered[] {
  if (layer.people.length === 0) return [];
  const { at, approxLengthMs } = handoffs(layer, zone);
  const first = at(0);
  if (window.end <= first) return [];
  // The turn holding the window's start: estimated from elapsed time, then set right (a daylight-saving change moves a handoff by at most a few hours).
  let k = Math.max(0, Math.floor((Math.max(window.start, first) - first) / approxLengthMs));
  while (at(k + 1) <= window.start) k += 1;
  while (k > 0 && at(k) > window.start) k -= 1;
  const covered: Covered[] = [];
  for (let start = at(k); start < window.end; k += 1, start = at(k)) {
    const end = at(k + 1);
    const clipped = { start: Math.max(start, window.start), end: Math.min(end, window.end) };
    if (clipped.start < clipped.end) covered.push({ ...clipped, personId: layer.people[k % layer.people.length]! });
  }
  return covered;
}

/** The restrictions' windows that touch [from, to), merged, as instants. */
function restrictionWindows(restrictions: readonly Restriction[], zone: string, window: Span): Span[] {
  const windows: Span[] = [];
  // From the day before the window's start: an overnight window that began then may reach into it.
  const last = localDate(window.end, zone);
  for (let date = localDate(window.start, zone).subtract({ days: 1 }); Temporal.PlainDate.compare(date, last) <= 0; date = date.add({ days: 1 })) {
    for (const restriction of restrictions) {
      if (restriction.days && !restriction.days.includes(date.dayOfWeek as Weekday)) continue;
      const from = plainTime(restriction.from);
      const to = plainTime(restriction.to);
      const start = instantOf(date, from, zone);
      const end = instantOf(Temporal.PlainTime.compare(to, from) <= 0 ? date.add({ days: 1 }) : date, to, zone);
      if (end > window.start && start < window.end) windows.push({ start: Math.max(start, window.start), end: Math.min(end, window.end) });
    }
  }
  windows.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of windows) {
    const previous = merged.at(-1);
    if (previous && span.start <= previous.end) previous.end = Math.max(previous.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** Who a layer puts on call within [from, to): its turns, cut to its restrictions. */
function layerCoverage(layer: RotationLayer, zone: string, window: Span): Covered[] {
  const covered = turns(layer, zone, window);
  if (!layer.restrictions?.length) return covered;
  const windows = restrictionWindows(layer.restrictions, zone, window);
  return covered.flatMap((turn) =>
    windows.flatMap((allowed) => {
      const start = Math.max(turn.start, allowed.start);
      const end = Math.min(turn.end, allowed.end);
      return start < end ? [{ start, end, personId: turn.personId }] : [];
    }),
  );
}

const coveringAt = <T extends Span>(spans: readonly T[], at: number) => spans.find((span) => span.start <= at && at < span.end);

/**
 * The final schedule over [from, to): contiguous shifts from `from` to `to`, each naming who is on
 * call (an override, else the highest layer with someone then) or nobody (a gap). Adjacent
 * stretches of the same person from the same source are one shift.
 */
export function finalSchedule(schedule: ScheduleDefinition, from: Date, to: Date): Shift[] {
  const window = { start: from.getTime(), end: to.getTime() };
  if (window.end <= window.start) return [];
  const layers = schedule.layers.map((layer) => layerCoverage(layer, schedule.timeZone, window));
  // Latest first: of overlapping overrides the later one wins.
  const overrides = schedule.overrides
    .map((override) => ({ start: Math.max(override.start.getTime(), window.start), end: Math.min(override.end.getTime(), window.end), personId: override.personId }))
    .filter((override) => override.start < override.end)
    .reverse();

  const cuts = new Set([window.start, window.end]);
  for (const span of [...layers.flat(), ...overrides]) cuts.add(span.start).add(span.end);
  const points = [...cuts].sort((a, b) => a - b);

  const shifts: Shift[] = [];
  for (let index = 0; index + 1 < points.length; index += 1) {
    const start = points[index]!;
    const end = points[index + 1]!;
    const override = coveringAt(overrides, start);
    let personId: string | null = override?.personId ?? null;
    let source: Shift["source"] = override ? "override" : null;
    for (let layer = layers.length - 1; !override && layer >= 0; layer -= 1) {
      const turn = coveringAt(layers[layer]!, start);
      if (turn) {
        personId = turn.personId;
        source = layer;
        break;
      }
    }
    const previous = shifts.at(-1);
    if (previous && previous.personId === personId && previous.source === source && previous.end.getTime() === start) previous.end = new Date(end);
    else shifts.push({ personId, start: new Date(start), end: new Date(end), source });
  }
  return shifts;
}

/** Who is on call at `at` (personId null in a gap) and until when, looking no further than `horizonMs` ahead; the shift's start is `at`. */
export function onCallAt(schedule: ScheduleDefinition, at: Date, horizonMs = 14 * DAY_MS): Shift {
  return finalSchedule(schedule, at, new Date(at.getTime() + horizonMs))[0]!;
}

/** The uncovered stretches of [from, to). */
export function gaps(schedule: ScheduleDefinition, from: Date, to: Date): Shift[] {
  return finalSchedule(schedule, from, to).filter((shift) => shift.personId === null);
}

/** Seconds of [from, to) with nobody on call (firebreak_schedule_gap_seconds). */
export const gapSeconds = (schedule: ScheduleDefinition, from: Date, to: Date) =>
  gaps(schedule, from, to).reduce((sum, gap) => sum + (gap.end.getTime() - gap.start.getTime()) / 1000, 0);
