import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { configFiles, type PlanConfig } from "./schema";

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is invalid:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

type FileName = keyof typeof configFiles;

async function loadFile<F extends FileName>(
  dir: string,
  file: F,
): Promise<{ data?: z.output<(typeof configFiles)[F]>; problems: string[] }> {
  const where = path.join(dir, file);
  let text: string;
  try {
    text = await readFile(where, "utf8");
  } catch {
    return { problems: [`${where}: file is missing or unreadable`] };
  }
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    return {
      problems: document.errors.map((error) => {
        const at = error.linePos?.[0];
        return `${where}${at ? `:${at.line}:${at.col}` : ""}: invalid YAML: ${error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`;
      }),
    };
  }
  const result = configFiles[file].safeParse(document.toJS());
  if (!result.success) {
    return {
      problems: result.error.issues.map(
        (issue) => `${where}: ${issue.path.length ? issue.path.join(".") : "(top level)"}: ${issue.message}`,
      ),
    };
  }
  return { data: result.data as z.output<(typeof configFiles)[F]>, problems: [] };
}

/** Reads and validates the plan's four YAML files; every problem in every file is reported at once. */
export async function loadPlanConfig(dir: string): Promise<PlanConfig> {
  const [levels, teams, contacts, drills] = await Promise.all([
    loadFile(dir, "incident-levels.yml"),
    loadFile(dir, "response-teams.yml"),
    loadFile(dir, "emergency-contacts.yml"),
    loadFile(dir, "recovery-tests.yml"),
  ]);
  const problems = [...levels.problems, ...teams.problems, ...contacts.problems, ...drills.problems];
  if (problems.length > 0 || !levels.data || !teams.data || !contacts.data || !drills.data) {
    throw new ConfigError(problems);
  }
  return {
    levels: levels.data.levels,
    teams: teams.data.teams,
    contacts: contacts.data.contacts,
    drills: drills.data.schedule,
  };
}
