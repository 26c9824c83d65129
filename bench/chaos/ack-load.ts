import type { Db } from "@/lib/db/client";
import type { SandboxClient } from "@/test/sandbox";

// People acknowledging by SMS, through the sandbox, which signs the reply as Twilio does and posts
// it to the load balancer. Every few seconds the person each alert first paged (the team lead)
// answers "ACK <number>" for an even-numbered incident of a quarter of a minute ago, before its
// next step is due; odd ones are left to escalate. A reply that Firebreak did not take (a 5xx, no
// answer) is sent again, as a person would.

const ACK_EVERY_MS = 4_000;
const ACK_AFTER_S = 15;
const RETRY_MS = 2_000;

export interface AckRecord {
  incidentNumber: number;
  sentAt: number;
  attempts: number;
  /** performance.now() of the answer 200; undefined while none. */
  acceptedAt?: number;
  /** Answers other than 200: the status (0: none) and Date.now() of the try. */
  refusals: { status: number; at: number }[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class AckLoad {
  readonly acks: AckRecord[] = [];
  private stopped = false;
  private loop: Promise<void> | null = null;
  private readonly pending = new Set<Promise<void>>();
  private readonly chosen = new Set<number>();

  constructor(
    private readonly db: Db,
    private readonly sandbox: SandboxClient,
    private readonly systemId: string,
    private readonly leadPhone: string,
  ) {}

  start(): void {
    this.loop = (async () => {
      while (!this.stopped) {
        const number = await this.nextIncident().catch(() => null);
        if (number !== null) {
          this.chosen.add(number);
          const reply = this.reply(number);
          this.pending.add(reply);
          void reply.finally(() => this.pending.delete(reply));
        }
        await sleep(ACK_EVERY_MS);
      }
    })();
  }

  async stop(limitMs: number): Promise<void> {
    this.stopped = true;
    await this.loop;
    const deadline = performance.now() + limitMs;
    while (this.pending.size > 0 && performance.now() < deadline) await sleep(250);
  }

  private async nextIncident(): Promise<number | null> {
    const before = new Date(Date.now() - ACK_AFTER_S * 1000);
    const candidates = await this.db.incident.findMany({
      where: { acknowledgedAt: null, declaredAt: { lt: before }, systems: { some: { systemId: this.systemId } }, pages: { some: { recipient: this.leadPhone, status: { in: ["sent", "delivered"] } } } },
      orderBy: { number: "desc" },
      take: 10,
      select: { number: true },
    });
    return candidates.map((incident) => incident.number).find((number) => number % 2 === 0 && !this.chosen.has(number)) ?? null;
  }

  private async reply(incidentNumber: number): Promise<void> {
    const record: AckRecord = { incidentNumber, sentAt: performance.now(), attempts: 0, refusals: [] };
    this.acks.push(record);
    while (record.acceptedAt === undefined && !(this.stopped && performance.now() - record.sentAt > 120_000)) {
      record.attempts += 1;
      const triedAt = Date.now();
      const status = await this.sandbox
        .sendInboundSms({ from: this.leadPhone, body: `ACK ${incidentNumber}` })
        .then((deliveries) => deliveries[0]?.status ?? 0)
        .catch(() => 0);
      if (status === 200) record.acceptedAt = performance.now();
      else {
        record.refusals.push({ status, at: triedAt });
        await sleep(RETRY_MS);
      }
    }
  }
}
