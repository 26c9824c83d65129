// `npm start`: build if needed, database (embedded unless DATABASE_URL), migrations,
// first-run seed, then the web server and the worker. `--only web|worker` runs one side.
import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError } from "@/lib/config/load";
import { createPrismaClient } from "@/lib/db/client";
import { takeOverShutdownSignals } from "@/lib/db/embedded";
import { prepareDemoRunbookEnvironment, type DemoRunbookEnvironment } from "@/lib/demo/runbook-environment";
import { DEMO_PASSWORD, demoUsers, isDemoSeeded, seedDemo } from "@/lib/demo/seed";
import { childEnvironment, deliveryProblems, env as readEnv, EnvError, provideSetting } from "@/lib/env";
import type { Worker } from "@/lib/jobs/worker";
import { startFirebreakWorker } from "@/lib/worker/start";
import { ensureBuild } from "@/lib/runtime/build";
import { prepareDatabase, type PreparedDatabase } from "@/lib/runtime/database";
import { importRunbooks, RUNBOOKS_DIR } from "@/lib/runbooks/import";
import { resolveAuthSecret } from "@/lib/runtime/secrets";

const root = process.cwd();
const log = (line: string) => console.log(`[firebreak] ${line}`);

const { values: flags } = parseArgs({
  options: {
    only: { type: "string" },
    "skip-build": { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
  },
});

async function main() {
  const env = readEnv();
  const only = flags.only;
  if (only !== undefined && only !== "web" && only !== "worker") throw new EnvError([`--only: must be "web" or "worker"`]);
  if (only && !env.DATABASE_URL) {
    throw new EnvError([`DATABASE_URL: is required for \`npm run ${only}\`; without it use \`npm start\`, which runs the embedded PostgreSQL`]);
  }
  const undelivered = deliveryProblems(env);
  if (undelivered.length > 0) throw new EnvError(undelivered);
  const runWeb = only !== "worker";
  const runWorker = only !== "web";
  const started = Date.now();

  if (flags.fresh) {
    if (env.DATABASE_URL) throw new EnvError(["--fresh: only resets the embedded database; unset DATABASE_URL"]);
    await rm(path.resolve(env.DATA_DIR), { recursive: true, force: true });
  }
  const embedded = !env.DATABASE_URL;
  // The web server signs sessions with it; both sides sign the acknowledge links in pages.
  const authSecret = await resolveAuthSecret(env, embedded);
  provideSetting("AUTH_SECRET", authSecret);
  if (runWeb && !flags["skip-build"]) await ensureBuild(root, childEnvironment({}), log);

  takeOverShutdownSignals();
  const database = await prepareDatabase(env, log);
  const stack = new Stack(database);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, () => void stack.shutdown(signal));

  // The demo's accounts share a published password: seeded by default only where nobody else can
  // reach them (the embedded database, listening on loopback), otherwise only when asked for.
  const demo = env.FIREBREAK_DEMO ?? (embedded && isLoopbackHost(env.HOST));
  if (embedded && env.FIREBREAK_DEMO === undefined && !demo) {
    log(`No demo: HOST ${env.HOST} is reachable from other machines, and the demo's accounts share a published password (FIREBREAK_DEMO=true seeds it anyway).`);
  }
  if (demo) {
    const db = createPrismaClient(database.url);
    try {
      if (!(await isDemoSeeded(db))) {
        log("Seeding the demo organisation (first run)…");
        await seedDemo(db);
      }
    } finally {
      await db.$disconnect();
    }
  }

  // Runbooks are configuration: what config/runbooks holds now is what can run.
  const configDb = createPrismaClient(database.url);
  try {
    const runbooks = await importRunbooks(configDb, path.resolve(root, RUNBOOKS_DIR));
    log(`Runbooks: ${runbooks.imported} from ${RUNBOOKS_DIR}${runbooks.retired ? `, ${runbooks.retired} retired` : ""}`);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[firebreak] ${error.message}`);
    return stack.shutdown("the runbooks in config/runbooks are invalid", 1);
  } finally {
    await configDb.$disconnect();
  }

  if (demo && database.embedded) {
    // The demo runbooks' backups, chain database and JSON-RPC node, prepared on every start.
    stack.runbookDemo = await prepareDemoRunbookEnvironment({ dataDir: path.resolve(env.DATA_DIR), adminDatabaseUrl: database.url, rpcPort: env.DEMO_RPC_PORT, log });
    const chain = stack.runbookDemo.databases.chain;
    if (chain) provideSetting("RUNBOOK_DATABASES", [readEnv().RUNBOOK_DATABASES, `chain=${chain}`].filter(Boolean).join(","));
  }

  if (runWorker) stack.worker = await startFirebreakWorker(database.url, env.WORKER_CONCURRENCY);
  if (runWeb) {
    stack.web = startWeb(database.url, authSecret, env.PORT, env.HOST, () => void stack.shutdown("web server exited", 1));
    await waitForHealth(`http://127.0.0.1:${env.PORT}/api/health`);
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (runWeb) {
    log(`Firebreak is ready at http://localhost:${env.PORT} (started in ${seconds} s)`);
    if (demo) {
      log(`Demo sign-ins, password "${DEMO_PASSWORD}":`);
      for (const user of demoUsers) log(`  ${user.role.padEnd(10)} ${user.email}`);
    }
  } else {
    log(`Worker running (concurrency ${env.WORKER_CONCURRENCY}, started in ${seconds} s)`);
  }
  log("Press Ctrl-C to stop.");
}

function startWeb(databaseUrl: string, authSecret: string, port: number, host: string, onExit: () => void): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/web-server.ts")], {
    stdio: "inherit",
    env: childEnvironment({ DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret, PORT: String(port), HOST: host, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }),
  });
  child.once("exit", onExit);
  return child;
}

async function waitForHealth(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(url).catch(() => null);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The web server did not answer ${url} within ${timeoutMs / 1000} s`);
}

class Stack {
  web?: ChildProcess;
  worker?: Worker;
  runbookDemo?: DemoRunbookEnvironment;
  private stopping = false;

  constructor(private readonly database: PreparedDatabase) {}

  async shutdown(reason: string, code = 0) {
    if (this.stopping) return;
    this.stopping = true;
    log(`Stopping (${reason})…`);
    const web = this.web;
    if (web && web.exitCode === null && web.signalCode === null) {
      const exited = new Promise((resolve) => web.once("exit", resolve));
      web.kill("SIGTERM");
      const timer = setTimeout(() => web.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await this.worker?.stop().catch((error) => console.error(error));
    await this.runbookDemo?.stop().catch((error) => console.error(error));
    await this.database.embedded?.stop().catch((error) => console.error(error));
    log("Stopped.");
    process.exit(code);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? `[firebreak] ${error.message}` : error);
  process.exit(1);
});

/** Whether only this machine can reach a server listening on `host`. */
function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "::1" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
