import type { z } from "zod";
import { DomainError, fieldErrorsOf } from "@/lib/errors";

export const NEEDS_ATTENTION = "Some fields need attention.";

/** Parses input for a people function; a rule broken is a DomainError naming each field, before anything is written. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new DomainError(NEEDS_ATTENTION, fieldErrorsOf(parsed.error));
}

/** A refusal tied to one field, shown next to it and as the form's status. */
export function fieldError(field: string, message: string): DomainError {
  return new DomainError(message, { [field]: [message] });
}
