import path from "node:path";
import { aRole, hasRole, type Role } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/timeline/actor";
import { runbookDefinitionSchema, type RunbookDefinition } from "./definition";
import { parametersSchema } from "./parameters";

export interface RunActor extends Actor {
  role: Role;
}

export interface RunRequest {
  runbookKey: string;
  parameters: Record<string, unknown>;
  incidentId?: string | null;
}

export const dataDir = () => path.resolve(env().DATA_DIR);

/** Loads a stored definition; it was validated at import, so a failure here is a bug worth an error. */
export const storedDefinition = (value: Prisma.JsonValue): RunbookDefinition => runbookDefinitionSchema.parse(value);

/** The checks every launch (and its preview) passes: a runbook still configured, the role it names, its parameters' rules. */
export function prepareLaunch(
  runbook: { title: string; role: Role; definition: Prisma.JsonValue; retiredAt: Date | null } | null,
  request: RunRequest,
  actor: RunActor,
) {
  if (!runbook || runbook.retiredAt) throw new DomainError("That runbook is not in the configuration.");
  if (!hasRole(actor.role, runbook.role)) throw new DomainError(`${runbook.title} needs ${aRole(runbook.role)} to launch it.`);
  const definition = storedDefinition(runbook.definition);
  const parsed = parametersSchema(definition).safeParse(request.parameters);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[`parameters.${issue.path.join(".")}`] ??= []).push(issue.message);
    throw new DomainError("Some parameters need attention.", fieldErrors);
  }
  return { runbook, definition, parameters: parsed.data as Record<string, string | number> };
}
