// `npm run config:import [dir]`: validates the plan's YAML and imports it (idempotent).
import { existsSync } from "node:fs";
import path from "node:path";
import { importPlanConfig } from "@/lib/config/import";
import { ConfigError, loadPlanConfig } from "@/lib/config/load";
import { importRunbooks, loadRunbooks } from "@/lib/runbooks/import";
import { createPrismaClient } from "@/lib/db/client";
import { env } from "@/lib/env";
import { prepareDatabase } from "@/lib/runtime/database";

async function main() {
  const dir = path.resolve(process.argv[2] ?? "config");
  // Validate before touching any database, so a broken file is reported at once.
  const config = await loadPlanConfig(dir);
  // A plan folder without runbooks/ leaves the runbooks alone (importing none would retire them all).
  const runbooksDir = path.join(dir, "runbooks");
  const withRunbooks = existsSync(runbooksDir);
  if (withRunbooks) await loadRunbooks(runbooksDir);
  const database = await prepareDatabase(env(), (line) => console.log(line), { shareRunning: true });
  const db = createPrismaClient(database.url);
  try {
    const summary = await importPlanConfig(db, config);
    const runbooks = withRunbooks ? await importRunbooks(db, runbooksDir) : null;
    const runbookSummary = runbooks ? `, ${runbooks.imported} runbooks${runbooks.retired ? ` (${runbooks.retired} retired)` : ""}` : " (no runbooks/ folder: runbooks unchanged)";
    console.log(
      `Imported ${dir}: ${summary.levels} severity levels, ${summary.teams} teams, ${summary.contacts} emergency contacts, ${summary.drills} drill schedules${runbookSummary}.`,
    );
  } finally {
    await db.$disconnect();
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
