import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { IncidentEventKind } from "@/lib/incidents/events";
import type { RunbookEventKind } from "@/lib/runbooks/events";
import { PLAN_OBJECTIVES } from "@/lib/incidents/rules";

// About ninety days of past incidents for the demo organisation, so the overview's charts
// have something true to show. Deterministic: the same seed and clock give the same history.

export const DEMO_HISTORY_DAYS = 90;
export const DEMO_HISTORY_INCIDENTS = 150;
const DEMO_EMAIL_DOMAIN = "@firebreak.demo";

interface Scenario {
  system: string;
  title: string;
  impact: string;
  resolution: string;
  prevention: string;
  followUp: string;
  /** A second system such an incident often touches. */
  alsoAffects?: string;
}

// {node}, {region}, {blocks}, {count}, {minutes} and {pct} are filled in per incident.
const scenarios: Scenario[] = [
  { system: "blockchain-nodes", title: "Validator {node} stopped producing blocks", impact: "Block production on {node} halted; the other validators keep finality with a reduced margin.", resolution: "Restarted the validator client after clearing a corrupted peer store; {node} rejoined consensus.", prevention: "Alert on missed block proposals per validator within two slots.", followUp: "Roll the patched client release out to every validator." },
  { system: "blockchain-nodes", title: "RPC node {node} latency above 2 s", impact: "Public RPC requests are slow; wallets and dApps see timeouts.", resolution: "Moved RPC traffic off {node} and pruned its state database.", prevention: "Scheduled state pruning and a latency objective alert per RPC node.", followUp: "Add two RPC nodes to the load-balancer pool.", alsoAffects: "monitoring" },
  { system: "blockchain-nodes", title: "Archive node {node} sync lagging {blocks} blocks", impact: "Historical queries return stale data; indexers fall behind.", resolution: "Replaced the failing NVMe volume and resynced {node} from the latest snapshot.", prevention: "Disk health (SMART) alerts before a volume fails.", followUp: "Keep a warm standby archive node." },
  { system: "blockchain-nodes", title: "Peer count dropped on sentry nodes in {region}", impact: "Validators behind the {region} sentries risk isolation from the network.", resolution: "Reverted a firewall change that closed the P2P port in {region}.", prevention: "Firewall changes include a P2P connectivity check before rollout.", followUp: "Add a synthetic peer-connectivity probe per region." },
  { system: "blockchain-nodes", title: "Chain reorganisation of {blocks} blocks observed", impact: "Recent transactions were re-ordered; partners paused deposits pending confirmations.", resolution: "Found clock drift on two validators; resynced NTP and confirmed finality.", prevention: "Alert on NTP offset above 100 ms on validators.", followUp: "Review the confirmation counts advised to integrators." },
  { system: "privacy-manager", title: "Privacy Manager API returning 5xx", impact: "Private transactions cannot be submitted; dependent services queue requests.", resolution: "Rolled back the Privacy Manager release that exhausted the database connection pool.", prevention: "Canary deploys gated on the error rate.", followUp: "Load-test the connection pool settings before the next release." },
  { system: "privacy-manager", title: "Privacy Manager key rotation job failed", impact: "Encryption keys are past their rotation date; no user-facing impact yet.", resolution: "Renewed the expired service credential the rotation job uses and re-ran the rotation.", prevention: "Monitor service credential expiry fourteen days ahead.", followUp: "Document the manual key rotation in the runbook." },
  { system: "privacy-manager", title: "Private transaction queue backlog above {count}", impact: "Private transactions are delayed by up to {minutes} minutes.", resolution: "Cleared a stuck message lock and scaled out the Privacy Manager workers.", prevention: "Queue depth alert and a timeout on message locks.", followUp: "Autoscale workers on queue depth." },
  { system: "privacy-manager", title: "Privacy Manager enclave unreachable from {node}", impact: "{node} cannot decrypt private payloads; its private transactions fail.", resolution: "Renewed the mutual TLS certificate between {node} and the enclave.", prevention: "Certificate expiry monitoring for every enclave link.", followUp: "Automate certificate renewal.", alsoAffects: "blockchain-nodes" },
  { system: "bridge", title: "Bridge relayer stopped submitting proofs", impact: "Cross-chain transfers are stuck in pending; funds are safe but delayed.", resolution: "Refilled the relayer's gas wallet and restarted it; the backlog of {count} proofs cleared.", prevention: "Alert when the relayer's balance covers less than three days of gas.", followUp: "Run a second relayer in another region." },
  { system: "bridge", title: "Bridge withdrawals delayed over {minutes} minutes", impact: "Users wait for withdrawals; support tickets are rising.", resolution: "Raised the gas price strategy during a fee spike on the destination chain.", prevention: "Dynamic gas pricing with a ceiling reviewed monthly.", followUp: "Show expected withdrawal times in the bridge UI." },
  { system: "bridge", title: "Bridge oracle price feed stale", impact: "The bridge paused new transfers automatically when the feed missed its heartbeat.", resolution: "Switched to the secondary oracle provider and resumed transfers.", prevention: "Fail over to the secondary feed automatically after two missed heartbeats.", followUp: "Review the oracle provider's incident report.", alsoAffects: "defi-protocols" },
  { system: "bridge", title: "Bridge deposits confirmed on-chain but not credited", impact: "Deposits do not appear in user balances.", resolution: "Restarted the event indexer after the RPC provider dropped its subscriptions; reprocessed from the last checkpoint.", prevention: "Alert when the indexer's head falls {blocks} blocks behind the chain.", followUp: "Reconnect subscriptions automatically with backoff.", alsoAffects: "blockchain-nodes" },
  { system: "defi-protocols", title: "Lending pool liquidations failing", impact: "Under-collateralised positions are not liquidated; risk of bad debt.", resolution: "Fixed the liquidation bot's handling of the oracle's new decimals and cleared the queue.", prevention: "Integration test against the oracle's staging feed before upgrades.", followUp: "Add a second, independent liquidation bot." },
  { system: "defi-protocols", title: "DEX pool price deviates {pct}% from oracle", impact: "Swaps execute at poor prices; arbitrage drains pool liquidity.", resolution: "Paused the pool with the guardian, rebalanced it, and resumed after an oracle check.", prevention: "Automatic pause when deviation exceeds 5%.", followUp: "Review circuit-breaker thresholds with the protocol team." },
  { system: "defi-protocols", title: "Unusual flash-loan activity on lending pool", impact: "Possible exploit attempt; borrowing paused as a precaution.", resolution: "Confirmed benign arbitrage with the security team; no funds lost; borrowing resumed.", prevention: "Flash-loan pattern alerts tuned to the pool's volumes.", followUp: "Share the analysis with the auditors." },
  { system: "defi-protocols", title: "Yield vault harvest transactions reverting", impact: "Vault yields are not compounding; principal is not at risk.", resolution: "Raised the slippage tolerance after the strategy's pool liquidity shrank.", prevention: "Alert on two consecutive failed harvests.", followUp: "Re-evaluate the strategy's pool allocation." },
  { system: "monitoring", title: "Prometheus scrape failures for {count} node exporters", impact: "Blind spots in node metrics; alerts for the affected hosts would not fire.", resolution: "Rotated the expired scrape credentials and reloaded Prometheus.", prevention: "Alert on the share of failed scrapes, not only on individual targets.", followUp: "Move scrape credentials to the secrets manager with rotation." },
  { system: "monitoring", title: "Alertmanager notifications delayed", impact: "Pages arrive up to {minutes} minutes late.", resolution: "Cleared the notification queue after the SMTP relay throttled it; pages now use the webhook route.", prevention: "Dead-man's-switch alert through an independent channel.", followUp: "Remove email as a paging route." },
  { system: "monitoring", title: "Grafana dashboards unavailable", impact: "Responders work without dashboards; metrics are still collected.", resolution: "Restored the Grafana database from the last backup after a failed upgrade migration.", prevention: "Upgrade Grafana in staging first with a copy of production data.", followUp: "Keep dashboards as code in the repository." },
  { system: "monitoring", title: "Log ingestion lagging {minutes} minutes", impact: "Recent logs are not searchable during investigations.", resolution: "Added ingest capacity and dropped a noisy debug log stream.", prevention: "Ingest lag alert at five minutes.", followUp: "Sample debug logs at the source." },
];

const progressLines = [
  "Impact confirmed and scoped; no other systems affected so far.",
  "Likely cause found in the logs; preparing the fix.",
  "Fix applied to one instance; error rates falling.",
  "Workaround in place; watching for recurrence.",
];
const nextStepLines = [
  "Confirm the cause from logs and metrics.",
  "Roll the fix out to the remaining instances.",
  "Verify recovery with the owning team.",
  "Monitor for an hour before resolving.",
];
const noteLines = [
  "Support informed; status page updated.",
  "Ticket opened with the infrastructure provider.",
  "Snapshot taken before the change, for the post-mortem.",
  "Exchange partners told about delayed confirmations.",
  "Security reviewed the logs: no sign of compromise.",
];

/** mulberry32: small, fast and the same on every platform. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    between: (min: number, max: number) => min + next() * (max - min),
    int: (min: number, max: number) => Math.floor(min + next() * (max - min + 1)),
    chance: (probability: number) => next() < probability,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    uuid: () => {
      const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
      hex[12] = "4";
      hex[16] = (8 + Math.floor(next() * 4)).toString(16);
      const text = hex.join("");
      return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
    },
  };
}
type Random = ReturnType<typeof prng>;

/** The scenario's words with this incident's particulars filled in. */
function scenarioText(random: Random, scenario: Scenario) {
  const values: Record<string, string> = {
    node: `${random.pick(["val", "rpc", "archive"])}-${String(random.int(1, 12)).padStart(2, "0")}`,
    region: random.pick(["eu-west", "us-east", "ap-southeast"]),
    blocks: String(random.int(3, 40)),
    count: String(random.int(3, 400)),
    minutes: String(random.int(15, 60)),
    pct: String(random.int(2, 12)),
  };
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? key);
  return {
    title: fill(scenario.title),
    impact: fill(scenario.impact),
    resolution: fill(scenario.resolution),
    prevention: fill(scenario.prevention),
    followUp: fill(scenario.followUp),
  };
}
type ScenarioText = ReturnType<typeof scenarioText>;

const MINUTE = 60_000;
// Most severe first: how often each severity occurs, and how quickly it is usually acknowledged (minutes).
const severityMix = [
  { weight: 0.05, ackMinutes: [2, 12] },
  { weight: 0.15, ackMinutes: [4, 25] },
  { weight: 0.45, ackMinutes: [10, 90] },
  { weight: 0.35, ackMinutes: [20, 180] },
] as const;

interface Level {
  id: string;
  key: string;
  responseTimeSeconds: number;
}
interface Person {
  id: string;
  name: string;
}
interface Cast {
  commanders: Person[];
  responders: Person[];
}

function severityRank(random: Random, levels: number): number {
  let roll = random.next();
  for (const [rank, mix] of severityMix.entries()) {
    if (rank >= levels - 1 || roll < mix.weight) return Math.min(rank, levels - 1);
    roll -= mix.weight;
  }
  return levels - 1;
}

type EventRow = Prisma.IncidentEventCreateManyInput & { createdAt: Date };

/** Inserts the demo history in the caller's transaction: four statements, whatever its size. */
export async function seedDemoHistory(tx: Tx, options: { now: Date; seed?: number; incidents?: number }): Promise<{ incidents: number; events: number }> {
  const random = prng(options.seed ?? 4);
  // One after the other: a transaction is one connection.
  const levels = await tx.severityLevel.findMany({ select: { id: true, key: true, responseTimeSeconds: true }, orderBy: { rank: "asc" } });
  const systems = await tx.system.findMany({ where: { key: { in: [...new Set(scenarios.map((scenario) => scenario.system))] } }, select: { id: true, key: true, name: true } });
  const users = await tx.user.findMany({ where: { email: { endsWith: DEMO_EMAIL_DOMAIN }, disabledAt: null }, select: { id: true, name: true, role: true }, orderBy: { email: "asc" } });
  const cast: Cast = {
    commanders: users.filter((user) => user.role === "commander" || user.role === "admin"),
    responders: users.filter((user) => user.role !== "viewer"),
  };
  const usable = scenarios.filter((scenario) => systems.some((system) => system.key === scenario.system));
  if (levels.length === 0 || usable.length === 0 || cast.commanders.length === 0) return { incidents: 0, events: 0 };

  const end = options.now.getTime() - 86_400_000;
  const start = options.now.getTime() - DEMO_HISTORY_DAYS * 86_400_000;
  const declaredTimes = Array.from({ length: options.incidents ?? DEMO_HISTORY_INCIDENTS }, () => Math.round(random.between(start, end) / 1000) * 1000).sort(
    (a, b) => a - b,
  );

  const incidents: Prisma.IncidentCreateManyInput[] = [];
  const links: Prisma.IncidentSystemCreateManyInput[] = [];
  const roles: Prisma.IncidentRoleAssignmentCreateManyInput[] = [];
  const events: EventRow[] = [];
  for (const declared of declaredTimes) {
    const scenario = random.pick(usable);
    const affected = systems.filter((system) => system.key === scenario.system || (system.key === scenario.alsoAffects && random.chance(0.5)));
    const story = incidentStory(random, { declared, levels, cast, now: options.now.getTime(), text: scenarioText(random, scenario), systems: affected.map((system) => system.name) });
    const id = random.uuid();
    incidents.push({ id, ...story.incident });
    for (const system of affected) links.push({ incidentId: id, systemId: system.id });
    for (const role of story.roles) roles.push({ incidentId: id, ...role });
    for (const event of story.events) events.push({ incidentId: id, ...event });
  }
  // Event ids follow time, as they would have had the incidents been run live.
  events.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  await tx.incident.createMany({ data: incidents });
  await tx.incidentSystem.createMany({ data: links });
  await tx.incidentRoleAssignment.createMany({ data: roles });
  await tx.incidentEvent.createMany({ data: events });
  return { incidents: incidents.length, events: events.length };
}

interface StoryEvent {
  kind: IncidentEventKind | RunbookEventKind;
  actorId: string | null;
  body: string;
  data: Prisma.InputJsonObject;
  createdAt: Date;
}

/** One incident's clock: acknowledgement, updates, mitigation, resolution and closure, and who did what. */
function incidentStory(random: Random, context: { declared: number; levels: Level[]; cast: Cast; now: number; text: ScenarioText; systems: string[] }) {
  const { declared, levels, cast, text } = context;
  const firstRank = severityRank(random, levels.length);
  const first = levels[firstRank]!;
  const lowest = firstRank === levels.length - 1;
  // A few miss the acknowledge-by target; the lowest severity's target (a day) is never missed here.
  const breached = !lowest && random.chance(0.07);
  const changedRank = !breached && levels.length > 1 && random.chance(0.12) ? (firstRank === 0 || (!lowest && random.chance(0.5)) ? firstRank + 1 : firstRank - 1) : firstRank;
  const final = levels[changedRank]!;

  const ackDueAt = declared + first.responseTimeSeconds * 1000;
  const [minAck, maxAck] = severityMix[Math.min(firstRank, severityMix.length - 1)]!.ackMinutes;
  // On time means within the target of both the first and the final severity.
  const onTimeLimit = 0.8 * Math.min(first.responseTimeSeconds, final.responseTimeSeconds) * 1000;
  const ackDelay = breached
    ? first.responseTimeSeconds * 1000 * random.between(1.15, 2.5)
    : Math.min(random.between(minAck, maxAck) * MINUTE, onTimeLimit);
  const acknowledged = declared + Math.round(ackDelay / 1000) * 1000;

  const rto = PLAN_OBJECTIVES.rtoSeconds * 1000;
  const resolved =
    declared +
    Math.round(
      Math.max(ackDelay + random.between(20, 40) * MINUTE, random.chance(0.07) ? rto * random.between(1.05, 2.2) : random.between(ackDelay + 20 * MINUTE, 0.95 * rto)) / 1000,
    ) *
      1000;
  const mitigated = acknowledged + Math.round(((resolved - acknowledged) * random.between(0.45, 0.8)) / 1000) * 1000;
  const closeAt = resolved + Math.round(random.between(4 * 60, 3 * 24 * 60)) * MINUTE;
  const closed = closeAt < context.now - 3_600_000 ? closeAt : null;

  const commander = random.pick(cast.commanders);
  const declarer = random.chance(0.8) ? commander : random.pick(cast.commanders);
  const acknowledger = random.pick(cast.responders);
  const rpoExceeded = random.chance(0.06);
  const lossRoll = random.next();
  const dataLossSeconds = rpoExceeded
    ? random.int(PLAN_OBJECTIVES.rpoSeconds + 60, 1800)
    : lossRoll < 0.08 ? null : lossRoll < 0.7 ? 0 : random.int(5, PLAN_OBJECTIVES.rpoSeconds - 60);

  const at = (time: number) => new Date(time);
  const events: StoryEvent[] = [];
  const event = (kind: IncidentEventKind | RunbookEventKind, actorId: string | null, time: number, body = "", data: Prisma.InputJsonObject = {}) =>
    events.push({ kind, actorId, body, data, createdAt: at(time) });

  event("declared", declarer.id, declared, text.impact, { severity: first.key, systems: context.systems, commander: commander.name });
  if (breached) event("breached", null, ackDueAt, `Not acknowledged within the ${first.key} response time.`, { ackDueAt: at(ackDueAt).toISOString() });
  event("acknowledged", acknowledger.id, acknowledged);
  const roles: Omit<Prisma.IncidentRoleAssignmentCreateManyInput, "incidentId">[] = [
    { role: "commander", userId: commander.id, assignedById: declarer.id, assignedAt: at(declared) },
  ];
  const others = cast.responders.filter((person) => person.id !== commander.id);
  if (others.length > 0 && firstRank <= 1 && random.chance(0.4)) {
    const scribe = random.pick(others);
    roles.push({ role: "scribe", userId: scribe.id, assignedById: commander.id, assignedAt: at(acknowledged + MINUTE) });
    event("role_assigned", commander.id, acknowledged + MINUTE, "", { role: "scribe", from: null, to: scribe.name });
  }
  if (final !== first) {
    const reason = changedRank < firstRank ? "Impact is wider than first assessed." : "Impact is contained to one component.";
    event("severity_changed", commander.id, acknowledged + 2 * MINUTE, reason, { from: first.key, to: final.key });
  }
  const updates = firstRank <= 1 ? random.int(2, 3) : random.int(0, 2);
  for (let index = 0; index < updates; index += 1) {
    const time = acknowledged + Math.round(((mitigated - acknowledged) * (index + 1)) / (updates + 1) / 1000) * 1000;
    const progress = progressLines[Math.min(index + (updates === 1 ? 1 : 0), progressLines.length - 1)]!;
    const eta = `about ${Math.max(5, Math.round((mitigated - time) / MINUTE / 5) * 5)} minutes`;
    event("status_update", random.pick([commander, acknowledger]).id, time, progress, { progress, nextSteps: nextStepLines[index]!, eta });
  }
  if (random.chance(0.3)) event("note", acknowledger.id, Math.round(random.between(acknowledged, resolved) / 1000) * 1000, random.pick(noteLines));
  event("mitigated", acknowledger.id, mitigated);
  event("resolved", commander.id, resolved, text.resolution, { prevention: text.prevention, followUp: text.followUp, dataLossSeconds });
  if (closed) event("closed", commander.id, closed);
  // Same instant: keep the order the lifecycle allows.
  events.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  return {
    roles,
    events,
    incident: {
      ...text,
      isDemo: true,
      status: closed ? ("closed" as const) : ("resolved" as const),
      severityId: final.id,
      description: "",
      commanderId: commander.id,
      declaredById: declarer.id,
      declaredAt: at(declared),
      // As changeSeverity does: the target follows the severity, counted from declaration.
      ackDueAt: at(declared + final.responseTimeSeconds * 1000),
      breachedAt: breached ? at(ackDueAt) : null,
      acknowledgedAt: at(acknowledged),
      mitigatedAt: at(mitigated),
      resolvedAt: at(resolved),
      closedAt: closed ? at(closed) : null,
      dataLossSeconds,
      createdAt: at(declared),
      updatedAt: at(closed ?? resolved),
    },
  };
}
