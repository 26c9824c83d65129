import { z } from "zod";
import { INCIDENT_ROLES } from "./rules";

// A form sends "" for an untouched optional field and one value for a one-item multi-select.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
const list = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(schema));

/** The limits of the incident forms' fields, which the forms count down to. */
export const TITLE_MAX_LENGTH = 200;
export const IMPACT_MAX_LENGTH = 2000;
export const DESCRIPTION_MAX_LENGTH = 10_000;
export const RESOLUTION_TEXT_MAX_LENGTH = 5000;
export const REASON_MAX_LENGTH = 2000;

const text = (label: string, max: number) =>
  z.string(`${label} is required`).trim().min(1, `${label} is required`).max(max, `${label} must be at most ${max} characters`);

export const incidentIdSchema = z.uuid("Unknown incident");

export const declareSchema = z.object({
  title: z.string("Title is required").trim().min(3, "Title needs at least 3 characters").max(TITLE_MAX_LENGTH, `Title must be at most ${TITLE_MAX_LENGTH} characters`),
  severityId: z.uuid("Choose a severity"),
  systemIds: list(z.uuid("Unknown system")).pipe(z.array(z.string()).min(1, "Choose at least one affected system")),
  impact: text("Impact", IMPACT_MAX_LENGTH),
  description: optional(z.string().trim().max(DESCRIPTION_MAX_LENGTH, `Description must be at most ${DESCRIPTION_MAX_LENGTH} characters`)).transform((value) => value ?? ""),
  commanderId: optional(z.uuid("Unknown commander")),
});

export const transitionSchema = z.object({ incidentId: incidentIdSchema });

export const reopenSchema = z.object({ incidentId: incidentIdSchema, reason: text("Reason", REASON_MAX_LENGTH) });

export const resolveSchema = z.object({
  incidentId: incidentIdSchema,
  resolution: text("Resolution", RESOLUTION_TEXT_MAX_LENGTH),
  prevention: optional(z.string().trim().max(RESOLUTION_TEXT_MAX_LENGTH)).transform((value) => value ?? ""),
  followUp: optional(z.string().trim().max(RESOLUTION_TEXT_MAX_LENGTH)).transform((value) => value ?? ""),
  dataLossSeconds: optional(
    z.coerce.number("Data loss must be a number of seconds").int("Data loss must be whole seconds").min(0, "Data loss cannot be negative").max(10 * 365 * 86_400),
  ),
});

export const severityChangeSchema = z.object({
  incidentId: incidentIdSchema,
  severityId: z.uuid("Choose a severity"),
  reason: text("Reason", REASON_MAX_LENGTH),
});

export const roleAssignmentSchema = z.object({
  incidentId: incidentIdSchema,
  role: z.enum(INCIDENT_ROLES, "Choose a role"),
  userId: z.uuid("Choose a person"),
});

/** The longest note, and the longest part of a status update; the forms count down to them. */
export const NOTE_MAX_LENGTH = 10_000;
export const UPDATE_TEXT_MAX_LENGTH = 5000;
export const ETA_MAX_LENGTH = 200;

export const noteSchema = z.object({ incidentId: incidentIdSchema, body: text("Note", NOTE_MAX_LENGTH) });

export const statusUpdateSchema = z.object({
  incidentId: incidentIdSchema,
  progress: text("Progress", UPDATE_TEXT_MAX_LENGTH),
  nextSteps: text("Next steps", UPDATE_TEXT_MAX_LENGTH),
  eta: optional(z.string().trim().max(ETA_MAX_LENGTH, `ETA must be at most ${ETA_MAX_LENGTH} characters`)).transform((value) => value ?? ""),
});

export type DeclareInput = z.output<typeof declareSchema>;
export type ResolveInput = z.output<typeof resolveSchema>;
