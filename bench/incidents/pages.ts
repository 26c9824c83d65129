import { formatMs, latencyStats, timeRequests, warmUp, type LatencyStats, type Probe } from "../support/latency";
import { processTreeCpuMs } from "../support/process-cpu";

export interface PageTarget {
  baseUrl: string;
  cookie: string;
  serverPid: number;
  databasePid: number;
}

export interface PageTimings {
  /** All list rows pooled, filtered and unfiltered. */
  list: LatencyStats;
  incident: LatencyStats;
  /** The list URLs timed, for a diagnosis. */
  listSearches: string[];
}

const isoDay = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
const column = (text: string, width = 9) => text.padStart(width);

/**
 * Times the server-rendered list and incident pages, and their JSON routes for reference,
 * one request at a time; beside each row, the CPU the server and PostgreSQL spent per request.
 */
export async function measurePages(target: PageTarget, incidents: { id: string; number: number }[], options: { warmup: number; samples: number }): Promise<PageTimings> {
  // Half a year, a year or more back: inside the seeded two years whenever the bench runs.
  const listSearches = ["", "?status=resolved&severity=high&q=relayer", `?team=infrastructure&from=${isoDay(540)}&to=${isoDay(360)}`, "?page=200"];
  const listNames = ["list unfiltered", "list status+severity+q", "list team+dates", "list page 200"];

  console.log(`${"".padEnd(26)}${["p50", "p95", "max", "web cpu", "pg cpu"].map((heading) => column(heading)).join("")}  path`);
  const row = async (name: string, probes: Probe[]) => {
    await warmUp(target.baseUrl, target.cookie, probes, options.warmup);
    const pids = [target.serverPid, target.databasePid];
    const cpuBefore = pids.map(processTreeCpuMs);
    const durations = await timeRequests(target.baseUrl, target.cookie, probes, options.samples);
    const [web, database] = pids.map((pid, index) => (processTreeCpuMs(pid) - cpuBefore[index]!) / options.samples);
    const stats = latencyStats(durations);
    const shown = probes.length > 1 ? probes[0]!.path.replace(/[^/]+$/, "<id>") : probes[0]!.path;
    const figures = [stats.p50, stats.p95, stats.max, web!, database!].map((ms) => column(formatMs(ms))).join("");
    console.log(`${name.padEnd(26)}${figures}  ${shown}`);
    return durations;
  };

  const listProbes = listSearches.map((search) => ({ path: `/incidents${search}`, expect: "INC-" }));
  const incidentProbes = incidents.map((incident) => ({ path: `/incidents/${incident.id}`, expect: `INC-${incident.number}` }));
  // The first row should not pay for the server's start-up (module loading, JIT) alone.
  await warmUp(target.baseUrl, target.cookie, [...listProbes, incidentProbes.at(-1)!], options.warmup * 3);

  const listDurations: number[] = [];
  for (const [index, probe] of listProbes.entries()) listDurations.push(...(await row(listNames[index]!, [probe])));
  const incidentDurations = await row("incident page", incidentProbes);
  await row("api list (reference)", [{ path: "/api/incidents", expect: '"items"' }]);
  await row(
    "api incident (reference)",
    incidents.map((incident) => ({ path: `/api/incidents/${incident.id}`, expect: `"INC-${incident.number}"` })),
  );
  return { list: latencyStats(listDurations), incident: latencyStats(incidentDurations), listSearches };
}
