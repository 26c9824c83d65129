import { z } from "zod";
import { isTimeZone } from "@/lib/format/time";
import type { RotationLayer, Weekday } from "./rotation";

// The shape of a schedule's rotation layers wherever they come from (config/schedules.yml, the
// browser): each rule named, so a refusal says which field and why.

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const localTime = z.string().regex(LOCAL_TIME, "must be a 24-hour local time, HH:MM");

/** A list without repeats. */
export const withoutRepeats = <T>(items: T[]) => new Set(items).size === items.length;

/** The longest turn of each unit: a year of hours or days, a year of weeks. */
export const MAX_TURN = { hours: 8784, days: 366, weeks: 52 } as const;

export const timeZoneSchema = z.string().refine(isTimeZone, "must be an IANA time zone, e.g. Europe/London");

const isoDate = z.iso.date("must be a date, YYYY-MM-DD");

export const restrictionSchema = z.strictObject({
  days: z
    .array(z.number().int().min(1, "must be 1 (Monday) to 7 (Sunday)").max(7, "must be 1 (Monday) to 7 (Sunday)"))
    .min(1, "must name at least one day, or be left out for every day")
    .refine(withoutRepeats, "must not repeat a day")
    .transform((days) => days as Weekday[])
    .optional(),
  from: localTime,
  to: localTime,
});

export const layerSchema = z
  .strictObject({
    people: z
      .array(z.string().min(1, "must not be empty"))
      .min(1, "must name at least one person")
      .max(100, "must name at most 100 people")
      .refine(withoutRepeats, "must not name anyone twice"),
    turn: z.strictObject({
      length: z.number().int("must be a whole number").min(1, "must be at least 1"),
      unit: z.enum(["hours", "days", "weeks"], "must be hours, days or weeks"),
    }),
    startDate: isoDate,
    handoff: localTime,
    restrictions: z.array(restrictionSchema).max(14, "must be at most 14 windows").optional(),
  })
  .superRefine((layer, context) => {
    if (layer.turn.length > MAX_TURN[layer.turn.unit]) {
      context.addIssue({ code: "custom", path: ["turn", "length"], message: `must be at most ${MAX_TURN[layer.turn.unit]} ${layer.turn.unit}` });
    }
  }) satisfies z.ZodType<RotationLayer>;
