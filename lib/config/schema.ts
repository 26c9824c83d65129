import { z } from "zod";
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
