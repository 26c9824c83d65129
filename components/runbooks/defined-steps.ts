import type { RunbookDefinition } from "@/lib/runbooks/definition";
import type { ResolvedStep } from "@/lib/runbooks/resolve";

/** The steps as the configuration writes them, placeholders and all, in the shape the confirmation shows. */
export function definedSteps(definition: RunbookDefinition): ResolvedStep[] {
  return definition.steps.map((step, index) => {
    const common = { position: index + 1, name: step.name, timeoutMs: Math.min(step.timeout ?? definition.timeout, definition.timeout) * 1000 };
    if (step.command) return { ...common, kind: "command", argv: step.command, cwd: step.cwd ?? null };
    if (step.http) return { ...common, kind: "http", ...step.http };
    return { ...common, kind: "sql", database: step.sql.database, query: step.sql.query, expect: step.sql.expect ?? null };
  });
}
