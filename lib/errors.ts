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

const NUL_RULE = "must not contain the NUL character";

/**
 * The fields of an input holding a NUL character, which PostgreSQL cannot store in text: refused
 * with the other rules rather than failing in the database. Empty when there is none.
 */
export function nulCharacterErrors(input: unknown, path: string[] = []): FieldErrors {
  if (typeof input === "string") return input.includes("\u0000") ? { [path.join(".") || "form"]: [NUL_RULE] } : {};
  if (input instanceof FormData) {
    return Object.assign({}, ...[...input.entries()].map(([name, value]) => nulCharacterErrors(typeof value === "string" ? value : "", [name])));
  }
  if (input && typeof input === "object") {
    return Object.assign({}, ...Object.entries(input).map(([key, value]) => ({ ...nulCharacterErrors(key, [...path, key]), ...nulCharacterErrors(value, [...path, key]) })));
  }
  return {};
}
