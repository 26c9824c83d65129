import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runMigrations } from "graphile-worker";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { freePort } from "./free-port";

export const TEMPLATE_DATABASE = "firebreak_template";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
    templateDatabase: string;
  }
}

// One real PostgreSQL per run; every test file gets its own database cloned from a migrated template.
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "firebreak-test-"));
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: TEMPLATE_DATABASE });
  await migrate(server.url);
  await runMigrations({ connectionString: server.url });
  // A template database must have no open connections when it is copied.
  const admin = new pg.Client({ connectionString: server.urlFor("postgres") });
  await admin.connect();
  await admin.query(`ALTER DATABASE ${TEMPLATE_DATABASE} WITH ALLOW_CONNECTIONS false`);
  await admin.end();
  project.provide("postgresUrl", server.urlFor("postgres"));
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
