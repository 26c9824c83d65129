import type { ResolvedStep } from "../resolve";
import { runCommand } from "./command";
import { runHttp } from "./http";
import { runSql } from "./sql";
import { cancelled, type StepContext, type StepOutcome } from "./step-context";

export type { OutputStream, StepContext, StepOutcome } from "./step-context";
export { missingCommands } from "./command-environment";

/** Runs one resolved step; what it reports (result, error) is redacted like its output. */
export async function executeStep(step: ResolvedStep, context: StepContext): Promise<StepOutcome> {
  if (context.signal.aborted) return cancelled();
  const outcome = await (step.kind === "command" ? runCommand(step, context) : step.kind === "http" ? runHttp(step, context) : runSql(step, context));
  return {
    ...outcome,
    result: outcome.result === null ? null : context.redact(outcome.result),
    error: outcome.error === null ? null : context.redact(outcome.error),
  };
}
