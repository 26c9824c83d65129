import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { expect } from "@playwright/test";

// `npm start` in a process of its own, for specs that need a server configured unlike the shared one.

export interface StartedServer {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export function startFirebreak(settings: { port: number; postgresPort: number; dataDir: string }, extra: Record<string, string>, args: string[] = []): StartedServer {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--skip-build", ...args], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      AUTH_SECRET: "",
      DATA_DIR: settings.dataDir,
      PORT: String(settings.port),
      EMBEDDED_PG_PORT: String(settings.postgresPort),
      ALLOW_DEV_OUTBOX: "true",
      ...extra,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function until(condition: () => boolean, what: string, timeoutMs = 60_000) {
  await expect.poll(condition, { message: what, timeout: timeoutMs, intervals: [100] }).toBe(true);
}

const READY_LINE = "Press Ctrl-C to stop.";

/**
 * Waits for a server started with `startFirebreak` to say it is ready. A start is slow on a busy
 * machine (a first start seeds the demo's history), so the wait is long; a server that exits first
 * fails at once, and either failure shows what the server printed.
 */
export async function untilReady(server: StartedServer, what: string, timeoutMs = 150_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (server.output().includes(READY_LINE)) return;
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`${what}: the server exited (${server.child.exitCode ?? server.child.signalCode}) before it was ready. Its output:\n${server.output().slice(-6000)}`);
    }
    if (performance.now() > deadline) throw new Error(`${what}: not ready within ${timeoutMs / 1000} s. Its output so far:\n${server.output().slice(-6000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The embedded database of a server started with `startFirebreak`. */
export function embeddedDatabaseUrl(dataDir: string, postgresPort: number): string {
  const password = readFileSync(path.join(dataDir, "postgres-password"), "utf8").trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${postgresPort}/firebreak`;
}

export async function query<T = Record<string, unknown>>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}
