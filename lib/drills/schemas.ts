import { z } from "zod";
import { parseUtcDateTimeLocal } from "./datetime-local";

// A form sends "" for an untouched optional field, and one value for a single checked checkbox.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());
const list = (value: unknown) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]);

export const DRILL_RESULTS = ["passed", "partial", "failed"] as const;
export type DrillResultName = (typeof DRILL_RESULTS)[number];

export const MAX_PARTICIPANTS = 50;
const MAX_NAME = 100;
const MAX_RECOVERY_MINUTES = 30 * 24 * 60;
const MAX_DATA_LOSS_SECONDS = 365 * 86_400;

/** One name per comma or line, trimmed; the same name twice (in any case) once. */
export function splitNames(text: string): string[] {
  const names = new Map<string, string>();
  for (const part of text.split(/[,\n\r]+/)) {
    const name = part.trim();
    if (name && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
  }
  return [...names.values()];
}

export const recordDrillSchema = z
  .object({
    scheduleId: z.uuid("Schedule: choose a drill schedule"),
    performedAt: z.string("Performed at is required").transform((text, context) => {
      const date = parseUtcDateTimeLocal(text.trim());
      if (!date) context.addIssue({ code: "custom", message: text.trim() ? "Performed at must be a date and time (UTC)" : "Performed at is required" });
      return date ?? z.NEVER;
    }),
    participants: z
      .string("Participants: list at least one name")
      .transform(splitNames)
      .refine((names) => names.length > 0, "Participants: list at least one name")
      .refine((names) => names.length <= MAX_PARTICIPANTS, `Participants: at most ${MAX_PARTICIPANTS} names`)
      .refine((names) => names.every((name) => name.length <= MAX_NAME), `Participants: each name must be at most ${MAX_NAME} characters`),
    systems: z
      .preprocess(list, z.array(z.string("Systems: choose systems from the list"), "Systems: choose systems from the list"))
      .transform((keys) => [...new Set(keys)])
      .refine((keys) => keys.length > 0, "Systems: choose at least one system"),
    recoveryTimeMinutes: optional(
      z.coerce
        .number("Recovery time must be a number of minutes")
        .min(0, "Recovery time cannot be negative")
        .max(MAX_RECOVERY_MINUTES, "Recovery time must be at most 30 days"),
    ),
    dataLossSeconds: optional(
      z.coerce
        .number("Data loss must be a number of seconds")
        .int("Data loss must be whole seconds")
        .min(0, "Data loss cannot be negative")
        .max(MAX_DATA_LOSS_SECONDS, "Data loss must be at most a year"),
    ),
    result: z.enum(DRILL_RESULTS, "Result: choose passed, partial or failed"),
    notes: optional(z.string().trim().max(10_000, "Notes must be at most 10000 characters")).transform((value) => value ?? ""),
  })
  .transform(({ recoveryTimeMinutes, dataLossSeconds, ...rest }) => ({
    ...rest,
    recoveryTimeSeconds: recoveryTimeMinutes === undefined ? null : Math.round(recoveryTimeMinutes * 60),
    dataLossSeconds: dataLossSeconds ?? null,
  }));

export type RecordDrillInput = z.output<typeof recordDrillSchema>;
