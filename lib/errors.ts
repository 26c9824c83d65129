export type FieldErrors = Record<string, string[]>;

/** An expected failure (not found, conflict, a rule of the domain): shown to the person as it is. */
export class DomainError extends Error {
  constructor(message: string, readonly fieldErrors?: FieldErrors) {
    super(message);
    this.name = "DomainError";
  }
}
