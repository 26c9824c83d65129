import type { Db } from "@/lib/db/client";
import { dataDir, prepareLaunch, type RunActor, type RunRequest } from "./launch";
import { resolveSteps, type ResolvedStep } from "./resolve";

export interface RunPreview {
  runbookKey: string;
  title: string;
  destructive: boolean;
  parameters: Record<string, string | number>;
  steps: ResolvedStep[];
  timeoutSeconds: number;
}

/** The confirmation screen's content: every step resolved with the given parameters, exactly as it would run. */
export async function previewRun(db: Db, request: RunRequest, actor: RunActor): Promise<RunPreview> {
  const found = await db.runbook.findUnique({ where: { key: request.runbookKey } });
  const { runbook, definition, parameters } = prepareLaunch(found, request, actor);
  return {
    runbookKey: request.runbookKey,
    title: runbook.title,
    destructive: found!.destructive,
    parameters,
    steps: resolveSteps(definition, parameters, { dataDir: dataDir() }),
    timeoutSeconds: definition.timeout,
  };
}
