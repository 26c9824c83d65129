import { percentile } from "./percentiles";

// Sequential GETs timed to the last byte of the body, as a browser receives a streamed page.

export interface LatencyStats {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

export interface Probe {
  /** Path and query, e.g. /incidents?page=200. */
  path: string;
  /** Text the response must contain, so an error page or a redirect is never timed as a success. */
  expect: string;
}

export function latencyStats(durations: number[]): LatencyStats {
  const sorted = [...durations].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? Number.NaN };
}

async function timedGet(baseUrl: string, probe: Probe, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${probe.path}`, { headers: { cookie }, redirect: "manual" });
  const body = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200 || !body.includes(probe.expect)) {
    throw new Error(`GET ${probe.path}: HTTP ${response.status}, ${body.includes(probe.expect) ? "" : `no "${probe.expect}" in `}${body.length} bytes`);
  }
  return elapsed;
}

/** Untimed requests, so the timed ones meet a warm server (JIT, caches, connection pool). */
export async function warmUp(baseUrl: string, cookie: string, probes: Probe[], requests: number): Promise<void> {
  // From the end of the list: with many probes, the timed requests meet ones not yet seen.
  for (let index = 0; index < requests; index += 1) await timedGet(baseUrl, probes[probes.length - 1 - (index % probes.length)]!, cookie);
}

/** Times `requests` GETs one after another, going round the probes. */
export async function timeRequests(baseUrl: string, cookie: string, probes: Probe[], requests: number): Promise<number[]> {
  const durations: number[] = [];
  for (let index = 0; index < requests; index += 1) durations.push(await timedGet(baseUrl, probes[index % probes.length]!, cookie));
  return durations;
}

export const formatMs = (ms: number) => ms.toFixed(1);
