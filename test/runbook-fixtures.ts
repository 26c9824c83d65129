import type { Db } from "@/lib/db/client";
import { runbookDefinitionSchema } from "@/lib/runbooks/definition";

/** Writes a runbook row the way the import does, from a definition in the YAML's shape. */
export async function createRunbook(db: Db, definition: Record<string, unknown>) {
  const parsed = runbookDefinitionSchema.parse(definition);
  return db.runbook.create({
    data: {
      key: parsed.key,
      title: parsed.title,
      destructive: parsed.destructive,
      role: parsed.role,
      requires: parsed.requires,
      definition: parsed as object,
      definitionHash: `hash-${parsed.key}-${Date.now()}`,
    },
  });
}
