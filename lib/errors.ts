import type { z } from "zod";

export type FieldErrors = Record<string, string[]>;

/** An expected failure (not found, conflict, a rule of the domain): shown to the person as it is. */
export class DomainError extends Error {
  constructor(message: string, readonly fieldErrors?: FieldErrors) {
    super(message);
    this.name = "DomainError";
  }
}

/** A zod failure as field → messages, "form" for a failure of the whole input. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) (fieldErrors[issue.path.join(".") || "form"] ??= []).push(issue.message);
  return fieldErrors;
}
