import { createHash } from "node:crypto";
import { alertmanagerPayload, type FixtureAlert } from "@/test/alert-payload-fixtures";

// Alertmanager's side of the run: a post every half second, alternating between the two web
// servers. Every sixth post brings a new alert (sent twice at once, to both servers, as an HA pair
// sends it), every tenth resolves the oldest one, the rest resend what is firing. A post that
// meets a refused connection or a 5xx is sent to the other server, then again with backoff until
// one takes it, as Alertmanager retries; so nothing is lost however long an outage lasts.

const POST_INTERVAL_MS = 500;
const NEW_ALERT_EVERY = 6;
const RESOLVE_EVERY = 10;
const PER_POST = 10;
const MAX_BACKOFF_MS = 5_000;

export interface AlertRecord {
  fingerprint: string;
  /** The incident title carries it, so incidents are counted per alert without trusting the alert table. */
  title: string;
  firstSentAt: number;
  /** performance.now() of the first 2xx for a post carrying it as firing; undefined while none has. */
  acceptedAt?: number;
}

export interface PostOutcome {
  at: number;
  /** Date.now() of its first try, to place it among the faults. */
  sentAt: number;
  ms: number;
  /** Attempts until a 2xx: 1 when the first server took it. */
  attempts: number;
  accepted: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function chaosAlert(index: number, runId: string, startedAt: Date): FixtureAlert & { title: string } {
  const fingerprint = createHash("sha256").update(`${runId}-${index}`).digest("hex").slice(0, 16);
  const title = `Chaos ${fingerprint}`;
  return {
    fingerprint,
    title,
    startsAt: startedAt.toISOString(),
    labels: { alertname: `ChaosAlert${index % 7}`, severity: "chaos", instance: `node-${index}` },
    annotations: { summary: title, description: "Chaos benchmark" },
  };
}

export class AlertLoad {
  readonly alerts = new Map<string, AlertRecord>();
  readonly posts: PostOutcome[] = [];
  private readonly firing: (FixtureAlert & { title: string })[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;
  private loop: Promise<void> | null = null;
  private tick = 0;
  private nextIndex = 0;
  private readonly runId = `${Date.now()}`;

  constructor(
    private readonly urls: string[],
    private readonly token: string,
  ) {}

  start(): void {
    this.loop = (async () => {
      const started = performance.now();
      while (!this.stopped) {
        this.send();
        this.tick += 1;
        const wait = started + this.tick * POST_INTERVAL_MS - performance.now();
        if (wait > 0) await sleep(wait);
      }
    })();
  }

  /** Stops sending new posts and waits (up to `limitMs`) for those being retried to be taken. */
  async stop(limitMs: number): Promise<void> {
    this.stopped = true;
    await this.loop;
    const deadline = performance.now() + limitMs;
    while (this.inFlight.size > 0 && performance.now() < deadline) await sleep(250);
  }

  get outstanding(): number {
    return this.inFlight.size;
  }

  private send(): void {
    if (this.tick % NEW_ALERT_EVERY === 0) {
      const alert = chaosAlert(this.nextIndex++, this.runId, new Date());
      this.alerts.set(alert.fingerprint, { fingerprint: alert.fingerprint, title: alert.title, firstSentAt: performance.now() });
      this.firing.push(alert);
      // An HA pair: the same notification from both members at once, one to each server.
      const body = JSON.stringify(alertmanagerPayload([alert]));
      this.deliver(body, [alert.fingerprint], 0);
      this.deliver(body, [alert.fingerprint], 1);
      return;
    }
    if (this.tick % RESOLVE_EVERY === 0 && this.firing.length > PER_POST) {
      const oldest = this.firing.shift()!;
      this.deliver(JSON.stringify(alertmanagerPayload([{ ...oldest, status: "resolved", endsAt: new Date().toISOString() }])), [], this.tick);
      return;
    }
    const group = this.firing.slice(-PER_POST);
    if (group.length > 0) this.deliver(JSON.stringify(alertmanagerPayload(group)), group.map((alert) => alert.fingerprint), this.tick);
  }

  private deliver(body: string, firing: string[], first: number): void {
    const delivery = this.post(body, first).then((outcome) => {
      this.posts.push(outcome);
      if (!outcome.accepted) return;
      const at = outcome.at + outcome.ms;
      for (const fingerprint of firing) {
        const alert = this.alerts.get(fingerprint);
        if (alert && alert.acceptedAt === undefined) alert.acceptedAt = at;
      }
    });
    this.inFlight.add(delivery);
    void delivery.finally(() => this.inFlight.delete(delivery));
  }

  private async post(body: string, first: number): Promise<PostOutcome> {
    const at = performance.now();
    const sentAt = Date.now();
    for (let attempt = 1; ; attempt += 1) {
      const url = this.urls[(first + attempt - 1) % this.urls.length]!;
      const status = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${this.token}`, "content-type": "application/json" }, body })
        .then(async (response) => {
          await response.arrayBuffer();
          return response.status;
        })
        .catch(() => 0);
      if (status >= 200 && status < 300) return { at, sentAt, ms: performance.now() - at, attempts: attempt, accepted: true };
      // A 4xx is not retried, as Alertmanager does not: it would be a bench bug.
      if (status >= 400 && status < 500) return { at, sentAt, ms: performance.now() - at, attempts: attempt, accepted: false };
      if (this.stopped && performance.now() - at > 120_000) return { at, sentAt, ms: performance.now() - at, attempts: attempt, accepted: false };
      // Each server once at once; then backoff before the next round.
      if (attempt % this.urls.length === 0) await sleep(Math.min(MAX_BACKOFF_MS, 250 * 2 ** (attempt / this.urls.length)));
    }
  }
}
