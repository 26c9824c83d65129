import path from "node:path";
import { runMigrations } from "graphile-worker";
import { runningEmbeddedPostgres, startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import type { Env } from "@/lib/env";

export interface PreparedDatabase {
  url: string;
  embedded: EmbeddedDatabase | null;
  migrationsApplied: string[];
}

/**
 * Uses DATABASE_URL when set, otherwise the embedded PostgreSQL: started here, or, for the command
 * line tools (`shareRunning`), the one a running Firebreak started on the same DATA_DIR. Then migrates.
 */
export async function prepareDatabase(env: Env, log: (line: string) => void, options: { shareRunning?: boolean } = {}): Promise<PreparedDatabase> {
  let embedded: EmbeddedDatabase | null = null;
  let url = env.DATABASE_URL;
  const running = !url && options.shareRunning ? await runningEmbeddedPostgres(env.DATA_DIR, "firebreak") : undefined;
  if (running) {
    log(`Using the embedded PostgreSQL already running on port ${running.port} (data in ${path.resolve(env.DATA_DIR)}).`);
    url = running.url;
  }
  if (!url) {
    log(`Starting the embedded PostgreSQL (data in ${path.resolve(env.DATA_DIR)}, port ${env.EMBEDDED_PG_PORT})…`);
    embedded = await startEmbeddedPostgres({ dataDir: env.DATA_DIR, port: env.EMBEDDED_PG_PORT, database: "firebreak" });
    url = embedded.url;
  }
  try {
    const report = await migrate(url);
    // The job queue's own schema, so a web instance can enqueue before any worker has started.
    await runMigrations({ connectionString: url });
    for (const warning of report.warnings) log(`warning: ${warning}`);
    if (report.applied.length > 0) log(`Applied ${report.applied.length} migration(s): ${report.applied.join(", ")}`);
    return { url, embedded, migrationsApplied: report.applied };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
