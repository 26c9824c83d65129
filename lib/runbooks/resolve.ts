import path from "node:path";
import { DATA_DIR_PLACEHOLDER, PLACEHOLDER, wholePlaceholder, type HttpExpectation, type RunbookDefinition, type SqlExpectation } from "./definition";
import { parametersSchema, type ParameterValues } from "./parameters";

/** One step exactly as it will run: what the confirmation screen shows and what the worker executes. */
export type ResolvedStep = { position: number; name: string; timeoutMs: number } & (
  | { kind: "command"; argv: string[]; cwd: string | null }
  | { kind: "http"; method: "GET" | "POST" | "PUT"; url: string; json?: unknown; expect: HttpExpectation }
  | { kind: "sql"; database: string; query: string; expect: SqlExpectation | null }
);

export class ParameterError extends Error {
  constructor(readonly problems: string[]) {
    super(`Parameters are not valid: ${problems.join("; ")}`);
    this.name = "ParameterError";
  }
}

/**
 * Fills the parameters into the steps (positions from 1). A parameter only ever becomes one whole
 * argument, never split and never seen by a shell, or one URL-encoded path segment or query value.
 * The values are checked again here, so nothing unchecked can reach a step.
 */
export function resolveSteps(definition: RunbookDefinition, parameters: Record<string, unknown>, context: { dataDir: string }): ResolvedStep[] {
  const parsed = parametersSchema(definition).safeParse(parameters);
  if (!parsed.success) throw new ParameterError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  const values: ParameterValues = parsed.data;
  const value = (name: string) => String(values[name]);

  return definition.steps.map((step, index) => {
    const common = { position: index + 1, name: step.name, timeoutMs: Math.min(step.timeout ?? definition.timeout, definition.timeout) * 1000 };
    if (step.command) {
      const argv = step.command.map((arg, at) => {
        const name = at > 0 ? wholePlaceholder(arg) : null;
        return name === null ? arg : value(name);
      });
      const cwd = step.cwd ? path.resolve(step.cwd.replace(DATA_DIR_PLACEHOLDER, path.resolve(context.dataDir))) : null;
      return { ...common, kind: "command", argv, cwd };
    }
    if (step.http) {
      const { method, url, json, expect } = step.http;
      return { ...common, kind: "http", method, url: url.replace(PLACEHOLDER, (_, name: string) => encodeURIComponent(value(name))), ...(json === undefined ? {} : { json }), expect };
    }
    return { ...common, kind: "sql", database: step.sql.database, query: step.sql.query, expect: step.sql.expect ?? null };
  });
}
