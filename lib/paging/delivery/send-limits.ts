import { env } from "@/lib/env";
import type { ProviderName } from "./transports/index";

// How many requests this worker process keeps open at each provider. A provider's account allows so
// many at once (Twilio answers 429, error 20429, above its account's concurrency: 100 by default),
// shared by every worker process; each process takes its share, counted from the heartbeats.

/** A counting semaphore whose size may change while it is in use. */
export class SendLimit {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private size: number) {}

  resize(size: number): void {
    this.size = Math.max(1, size);
    this.admit();
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    try {
      return await work();
    } finally {
      this.active -= 1;
      this.admit();
    }
  }

  private admit(): void {
    while (this.active < this.size && this.waiting.length > 0) {
      this.active += 1;
      this.waiting.shift()!();
    }
  }
}

// The dev outbox is a row in Firebreak's own database: a few at a time.
const OUTBOX_CONCURRENCY = 10;

function accountConcurrency(provider: ProviderName): number {
  const settings = env();
  if (provider === "twilio") return settings.TWILIO_CONCURRENCY;
  if (provider === "sendgrid") return settings.SENDGRID_CONCURRENCY;
  return OUTBOX_CONCURRENCY;
}

let liveWorkers = 1;
const limits = new Map<ProviderName, SendLimit>();

const shareOf = (provider: ProviderName) => Math.max(1, Math.floor(accountConcurrency(provider) / (provider === "outbox" ? 1 : liveWorkers)));

/** The limit on this process's open requests to a provider. */
export function sendLimitFor(provider: ProviderName): SendLimit {
  let limit = limits.get(provider);
  if (!limit) {
    limit = new SendLimit(shareOf(provider));
    limits.set(provider, limit);
  }
  return limit;
}

/** The worker processes alive now (this one included): each takes an equal share of every account's concurrency. */
export function shareProvidersAmong(workers: number): void {
  liveWorkers = Math.max(1, workers);
  for (const [provider, limit] of limits) limit.resize(shareOf(provider));
}
