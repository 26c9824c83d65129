import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import { ConfigError } from "@/lib/config/load";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { runbookDefinitionSchema, type RunbookDefinition } from "./definition";

export const RUNBOOKS_DIR = "config/runbooks";

export interface RunbookImportSummary {
  imported: number;
  retired: number;
}

/** JSON with every object's keys sorted: the same definition always gives the same text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === "object" && item !== null && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/** The version of a definition: sha256 of its canonical JSON, so key order and spelled-out defaults do not count. */
export const definitionHash = (definition: RunbookDefinition) => createHash("sha256").update(canonicalJson(definition)).digest("hex");

type Loaded = { definition?: RunbookDefinition; problems: string[] };

async function loadFile(where: string, file: string): Promise<Loaded> {
  const document = parseDocument(await readFile(where, "utf8"));
  if (document.errors.length > 0) {
    return {
      problems: document.errors.map((error) => {
        const at = error.linePos?.[0];
        return `${where}${at ? `:${at.line}:${at.col}` : ""}: invalid YAML: ${error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`;
      }),
    };
  }
  const result = runbookDefinitionSchema.safeParse(document.toJS());
  if (!result.success) {
    return { problems: result.error.issues.map((issue) => `${where}: ${issue.path.length ? issue.path.join(".") : "(top level)"}: ${issue.message}`) };
  }
  const expected = path.basename(file, ".yml");
  if (result.data.key !== expected) return { problems: [`${where}: key: must be "${expected}", the file's name without .yml`] };
  return { definition: result.data, problems: [] };
}

/** Reads and validates every runbook file in `dir`; every problem in every file is reported at once. A missing folder holds no runbooks. */
export async function loadRunbooks(dir: string = RUNBOOKS_DIR): Promise<RunbookDefinition[]> {
  const files = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw new ConfigError([`${dir}: folder is unreadable (${error.code})`]);
  });
  const loaded = await Promise.all(
    files
      .filter((file) => /\.ya?ml$/.test(file))
      .sort()
      .map((file): Loaded | Promise<Loaded> =>
        file.endsWith(".yml") ? loadFile(path.join(dir, file), file) : { problems: [`${path.join(dir, file)}: must be named <key>.yml`] },
      ),
  );
  const problems = loaded.flatMap((file) => file.problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return loaded.map((file) => file.definition!);
}

/**
 * Makes the runbooks in the database those of `dir`, in one transaction: each file's definition
 * and version hash written by key, and runbooks whose file is gone retired (kept for their runs'
 * history, no longer launchable). A bad file stops the import before anything is written.
 */
export async function importRunbooks(db: Db, dir: string = RUNBOOKS_DIR): Promise<RunbookImportSummary> {
  const definitions = await loadRunbooks(dir);
  return db.$transaction(async (tx) => {
    for (const definition of definitions) {
      const fields = {
        title: definition.title,
        systemKey: definition.system ?? null,
        description: definition.description,
        destructive: definition.destructive,
        role: definition.role,
        requires: definition.requires,
        definition: JSON.parse(canonicalJson(definition)) as Prisma.InputJsonValue,
        definitionHash: definitionHash(definition),
        retiredAt: null,
      };
      await tx.runbook.upsert({ where: { key: definition.key }, create: { key: definition.key, ...fields }, update: fields });
    }
    const retired = await tx.runbook.updateMany({
      where: { key: { notIn: definitions.map((definition) => definition.key) }, retiredAt: null },
      data: { retiredAt: new Date() },
    });
    return { imported: definitions.length, retired: retired.count };
  });
}
