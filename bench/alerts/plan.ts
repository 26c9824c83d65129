import { createHash } from "node:crypto";
import { alertmanagerPayload, type FixtureAlert } from "@/test/alert-payload-fixtures";

// The storm, decided before it starts so that sending costs the client nothing. Alerts start
// firing one at a time over the first 70 % (as rule evaluations fire them), and a third of them
// resolve in 75–95 %. Each post carries `perPost` alerts: the one that just started or resolved,
// if any, and otherwise alerts already firing (a resend; Alertmanager resends whole groups every
// group_interval). A post with news is sent twice at the same instant, byte for byte, as the two
// members of an HA pair send it.

export interface StormSize {
  /** Alerts per second. */
  rate: number;
  seconds: number;
  distinct: number;
  perPost: number;
}

export interface StormPost {
  /** Milliseconds after the start. */
  at: number;
  body: string;
  /** What is new in it: an alert that started (and opens an incident) or one that resolved; null for a resend. */
  news: "started" | "resolved" | null;
  /** Firing and resolved alerts it carries, by fingerprint. */
  firing: string[];
  resolved: string[];
}

const STARTING = [0, 0.7];
const RESOLVING = [0.75, 0.95];
// A started alert is resent only after this: its first notification is being handled meanwhile.
const RESEND_AFTER_MS = 1000;

// Most alerts page a technical audience; a tenth page everyone, as an operator's rules would.
const SEVERITIES = ["critical", "high", "high", "high", "warning", "warning", "warning", "warning", "info", "info"];
const SERVICES = ["bridge", "blockchain-nodes", "privacy-manager", "defi-protocols", "monitoring", "node-exporter"];

/** Deterministic, so two runs send the same storm: a 32-bit xorshift. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function stormAlert(index: number, startedAt: Date, name = "storm"): FixtureAlert {
  const fingerprint = createHash("sha256").update(`${name}-${index}`).digest("hex").slice(0, 16);
  return {
    fingerprint,
    startsAt: new Date(startedAt.getTime() - 1000).toISOString(),
    labels: { alertname: `StormAlert${index % 30}`, service: SERVICES[index % SERVICES.length]!, severity: SEVERITIES[index % SEVERITIES.length]!, instance: `node-${index}` },
    // The fingerprint in the title lets the bench count incidents per alert without trusting the AlertIncident table.
    annotations: { summary: `Storm ${fingerprint}`, description: "Alert storm benchmark" },
  };
}

/** Alerts like the storm's, under other fingerprints, for warming the server up. */
export const warmupAlerts = (count: number, startedAt = new Date()) => Array.from({ length: count }, (_, index) => stormAlert(index, startedAt, "warmup"));

/** Tick at which each of `count` events happens, spread evenly over [from, to) of `ticks`, at most one per tick. */
const spread = (count: number, ticks: number, [from, to]: number[]) =>
  new Map(Array.from({ length: count }, (_, index) => [Math.floor(ticks * (from! + ((to! - from!) * index) / count)), index]));

export function planStorm(size: StormSize, startedAt = new Date()): StormPost[] {
  const interval = (1000 * size.perPost) / size.rate;
  const ticks = Math.max(1, Math.round(size.seconds * (1000 / interval)));
  const alerts = Array.from({ length: size.distinct }, (_, index) => stormAlert(index, startedAt));
  const starts = spread(size.distinct, ticks, STARTING);
  const resolutions = spread(Math.floor(size.distinct / 3), ticks, RESOLVING);

  const next = random(7);
  const startedAtTick = new Map<number, number>();
  const resolved = new Set<number>();
  const posts: StormPost[] = [];
  for (let tick = 0; tick < ticks; tick += 1) {
    const at = tick * interval;
    const firing = [...startedAtTick].filter(([index, since]) => !resolved.has(index) && at - since * interval >= RESEND_AFTER_MS).map(([index]) => index);
    const news: FixtureAlert[] = [];
    const started = starts.get(tick);
    const ending = resolutions.get(tick);
    if (started !== undefined) {
      startedAtTick.set(started, tick);
      news.push(alerts[started]!);
    } else if (ending !== undefined && firing.includes(ending)) {
      resolved.add(ending);
      firing.splice(firing.indexOf(ending), 1);
      news.push({ ...alerts[ending]!, status: "resolved", endsAt: new Date(startedAt.getTime() + at).toISOString() });
    }
    const resent = new Set<number>();
    while (resent.size < Math.min(size.perPost - news.length, firing.length)) resent.add(firing[Math.floor(next() * firing.length)]!);
    const carried = [...news, ...[...resent].map((index) => alerts[index]!)];
    if (carried.length === 0) continue;
    const post: StormPost = {
      at,
      news: started !== undefined ? "started" : news.length > 0 ? "resolved" : null,
      body: JSON.stringify(alertmanagerPayload(carried, "bench")),
      firing: carried.filter((alert) => alert.status !== "resolved").map((alert) => alert.fingerprint),
      resolved: carried.filter((alert) => alert.status === "resolved").map((alert) => alert.fingerprint),
    };
    posts.push(post);
    if (news.length > 0) posts.push(post);
  }
  return posts;
}
