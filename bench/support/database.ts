import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runMigrations } from "graphile-worker";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { freePort } from "@/test/free-port";

export interface BenchDatabase {
  url: string;
  /** The postmaster's process id; the server's backends are its children. */
  pid: number;
  stop(): Promise<void>;
}

/** A throwaway PostgreSQL in a temp directory on a free loopback port, migrated as `npm start` migrates. */
export async function startBenchDatabase(settings?: Record<string, string>): Promise<BenchDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "firebreak-bench-"));
  let server: EmbeddedDatabase | undefined;
  const stop = async () => {
    await server?.stop().catch((error: unknown) => console.error(error));
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: "firebreak_bench", settings });
    await migrate(server.url);
    await runMigrations({ connectionString: server.url });
    const pid = Number((await readFile(path.join(dataDir, "postgres", "postmaster.pid"), "utf8")).split("\n")[0]);
    return { url: server.url, pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
