import { z } from "zod";
import type { Weekday } from "@/lib/oncall/rotation";
import { localTime, MAX_TURN, timeZoneSchema, withoutRepeats } from "@/lib/oncall/schemas";
import { phoneNumber } from "@/lib/people/phone";
import { parseDuration } from "./duration";

// The plan's YAML formats, exactly as the plan writes them.

const key = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, "must be lowercase letters, digits, '-' or '_', starting with a letter");

const duration = z
  .string({ error: "must be a duration such as \"15 minutes\"" })
  .refine((text) => parseDuration(text) !== null, 'must be a duration such as "15 minutes" or "2 hours"')
  .transform((text) => parseDuration(text)!);

const email = z.email("must be an email address").transform((value) => value.toLowerCase());

const channels = z
  .array(z.enum(["sms", "email"], 'must be "sms" or "email"'))
  .min(1, "must list at least one channel")
  .default(["sms", "email"]);

const keyed = <T extends z.ZodType>(item: T) =>
  z.record(key, item).refine((record) => Object.keys(record).length > 0, "must list at least one entry");

export const incidentLevelsSchema = z.strictObject({
  levels: keyed(
    z.strictObject({
      description: z.string().min(1, "must not be empty"),
      response_time: duration,
      notification: z.string().min(1, "must not be empty"),
    }),
  ),
});

export const responseTeamsSchema = z.strictObject({
  teams: keyed(
    z.strictObject({
      lead: email,
      members: z.array(email).default([]),
      name: z.string().min(1).optional(),
    }),
  ),
});

export const emergencyContactsSchema = z.strictObject({
  contacts: keyed(
    z.strictObject({
      name: z.string().min(1, "must not be empty"),
      role: z.string().min(1).optional(),
      phone: phoneNumber(),
      email,
      // How the contact may be paged; both unless the file says otherwise.
      channels,
    }),
  ),
});

const frequency = z
  .string()
  .transform((value) => value.toLowerCase())
  .pipe(z.enum(["daily", "weekly", "monthly", "quarterly", "yearly"], "must be Daily, Weekly, Monthly, Quarterly or Yearly"));

export const recoveryTestsSchema = z.strictObject({
  schedule: keyed(
    z.strictObject({
      frequency,
      duration,
      systems: z.array(z.string().min(1)).min(1, "must name at least one system"),
    }),
  ),
});

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** "1 week", "12 hours", "2 days": a rotation's turn, at most a year. */
const turn = z.string().transform((text, context) => {
  const match = /^\s*(\d+)\s*(hour|day|week)s?\s*$/i.exec(text);
  const parsed = match && { length: Number(match[1]), unit: `${match[2]!.toLowerCase()}s` as keyof typeof MAX_TURN };
  if (!parsed || parsed.length < 1) {
    context.addIssue({ code: "custom", message: 'must be a number of hours, days or weeks, such as "1 week" or "12 hours"' });
    return z.NEVER;
  }
  if (parsed.length > MAX_TURN[parsed.unit]) {
    context.addIssue({ code: "custom", message: `must be at most ${MAX_TURN[parsed.unit]} ${parsed.unit}` });
    return z.NEVER;
  }
  return parsed;
});

const restriction = z
  .strictObject({
    days: z
      .array(z.enum(WEEKDAYS, "must be mon, tue, wed, thu, fri, sat or sun"))
      .min(1, "must name at least one day, or be left out for every day")
      .refine(withoutRepeats, "must not repeat a day")
      .optional(),
    from: localTime,
    to: localTime,
  })
  .transform(({ days, from, to }) => ({ days: days?.map((day) => (WEEKDAYS.indexOf(day) + 1) as Weekday), from, to }));

const layer = z
  .strictObject({
    name: z.string().min(1, "must not be empty").optional(),
    people: z.array(email).min(1, "must name at least one person").max(100, "must name at most 100 people").refine(withoutRepeats, "must not name anyone twice"),
    turn,
    start: z.iso.date("must be a date, YYYY-MM-DD"),
    handoff: localTime,
    restrictions: z.array(restriction).max(14, "must be at most 14 windows").optional(),
  })
  .transform(({ start, ...rest }) => ({ ...rest, startDate: start }));

/**
 * Firebreak's own file beside the plan's: who is on call, as rotation layers of contacts named by
 * email (lowest layer first), each schedule belonging to a team. The rules are lib/oncall's.
 */
export const schedulesSchema = z.strictObject({
  schedules: keyed(
    z.strictObject({
      team: key,
      name: z.string().min(1, "must not be empty").optional(),
      time_zone: timeZoneSchema,
      layers: z.array(layer).min(1, "must have at least one layer").max(10, "must have at most 10 layers"),
    }),
  ),
});

export const configFiles = {
  "incident-levels.yml": incidentLevelsSchema,
  "response-teams.yml": responseTeamsSchema,
  "emergency-contacts.yml": emergencyContactsSchema,
  "recovery-tests.yml": recoveryTestsSchema,
} as const;

export interface PlanConfig {
  levels: z.output<typeof incidentLevelsSchema>["levels"];
  teams: z.output<typeof responseTeamsSchema>["teams"];
  contacts: z.output<typeof emergencyContactsSchema>["contacts"];
  drills: z.output<typeof recoveryTestsSchema>["schedule"];
}
