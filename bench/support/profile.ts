import { mkdtemp, readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";

// `--profile` on a bench: where the CPU goes, found rather than guessed. The web and worker
// processes write V8 CPU profiles as they exit (bench/support/cpu-profile-preload.mjs), and PostgreSQL keeps statement
// statistics (pg_stat_statements); the bench prints the heaviest functions, packages and statements.

export const STATEMENT_STATISTICS = { shared_preload_libraries: "pg_stat_statements", "pg_stat_statements.track": "all" };

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Profiler {
  /** Environment for the processes to profile. */
  env: Record<string, string>;
  /** Starts PostgreSQL's statistics afresh (after set-up, before the part measured). */
  resetStatements(databaseUrl: string): Promise<void>;
  /** Prints the top statements; call before the database stops. */
  reportStatements(databaseUrl: string, print: (line: string) => void): Promise<void>;
  /** Prints each profile's heaviest functions and packages; call after the processes exited. */
  reportProfiles(print: (line: string) => void): Promise<void>;
}

const TOP = 15;

/** Where a script or module lives, short: a package's name, or the file under the project. */
function placeOf(url: string): string {
  const file = url.replace(/^file:\/\//, "");
  const modules = file.lastIndexOf("node_modules/");
  if (modules !== -1) {
    const rest = file.slice(modules + "node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (file.startsWith("node:") || file === "") return file || "(native)";
  return path.relative(process.cwd(), file);
}

/** Which Firebreak process wrote a profile, told by the entry point it ran. */
function roleOf(profile: CpuProfile): string {
  const urls = new Set(profile.nodes.map((node) => node.callFrame.url));
  const has = (fragment: string) => [...urls].some((url) => url.includes(fragment));
  if (has("scripts/web-server.ts")) return "web server";
  if (has("lib/worker/start.ts")) return "worker";
  if (has("scripts/start.ts")) return "launcher";
  return "other";
}

function summarize(profile: CpuProfile) {
  const interval = (profile.endTime - profile.startTime) / Math.max(1, profile.samples.length) / 1000;
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  let busy = 0;
  for (const node of profile.nodes) {
    const ms = (node.hitCount ?? 0) * interval;
    if (ms === 0 || node.callFrame.functionName === "(idle)" || node.callFrame.functionName === "(program)") continue;
    busy += ms;
    const place = placeOf(node.callFrame.url);
    const name = `${node.callFrame.functionName || "(anonymous)"} ${place}${node.callFrame.url ? `:${node.callFrame.lineNumber + 1}` : ""}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    byPlace.set(place, (byPlace.get(place) ?? 0) + ms);
  }
  const top = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  return { busy, functions: top(byFunction), places: top(byPlace) };
}

export async function createProfiler(enabled: boolean): Promise<Profiler | undefined> {
  if (!enabled) return undefined;
  const dir = await mkdtemp(path.join(os.tmpdir(), "firebreak-profile-"));
  const withClient = async <T>(url: string, work: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    env: {
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${pathToFileURL(path.resolve("bench/support/cpu-profile-preload.mjs")).href}`.trim(),
      FIREBREAK_PROFILE_DIR: dir,
    },
    resetStatements: (url) =>
      withClient(url, async (client) => {
        await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        await client.query("SELECT pg_stat_statements_reset()");
      }),
    reportStatements: (url, print) =>
      withClient(url, async (client) => {
        const { rows } = await client.query<{ calls: string; total: number; mean: number; query: string }>(
          `SELECT calls, total_exec_time AS total, mean_exec_time AS mean, regexp_replace(query, '\\s+', ' ', 'g') AS query
             FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT ${TOP}`,
        );
        print(`PostgreSQL's heaviest statements (execution time; planning, parsing and the protocol are on top):`);
        for (const row of rows) print(`  ${row.total.toFixed(0).padStart(7)} ms ${row.calls.padStart(7)} calls ${row.mean.toFixed(2).padStart(7)} ms each  ${row.query.slice(0, 160)}`);
      }),
    async reportProfiles(print) {
      for (const file of (await readdir(dir)).filter((name) => name.endsWith(".cpuprofile"))) {
        const profile = JSON.parse(await readFile(path.join(dir, file), "utf8")) as CpuProfile;
        const role = roleOf(profile);
        if (role === "launcher" || role === "other") continue;
        const { busy, functions, places } = summarize(profile);
        print(`${role} (${file}): ${(busy / 1000).toFixed(1)} s on CPU over ${((profile.endTime - profile.startTime) / 1e6).toFixed(0)} s, by package or file:`);
        for (const [place, ms] of places) print(`  ${(ms / 1000).toFixed(2).padStart(6)} s ${((100 * ms) / busy).toFixed(1).padStart(5)} %  ${place}`);
        print(`  heaviest functions (self time):`);
        for (const [name, ms] of functions) print(`  ${(ms / 1000).toFixed(2).padStart(6)} s ${((100 * ms) / busy).toFixed(1).padStart(5)} %  ${name}`);
      }
      print(`the profiles are kept in ${dir} (Chrome DevTools → Performance → Load profile)`);
    },
  };
}
