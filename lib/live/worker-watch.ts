import "server-only";
import { countLiveWorkers } from "@/lib/health/workers";
import type { Subscriber } from "./listener";

// A worker that stops sends nothing, so only time passing shows it: while any event stream is open
// in this web process, the live workers are counted every CHECK_INTERVAL_MS, once for all of the
// streams. They hear only that the count changed; each browser showing the count then asks for it.

export const CHECK_INTERVAL_MS = 10_000;

export class WorkerWatch {
  private readonly subscribers = new Set<Subscriber>();
  private timer: NodeJS.Timeout | undefined;
  private last: number | undefined;
  // Bumped on every stop, so a count still in flight from before ends its round there.
  private round = 0;

  constructor(
    private readonly countWorkers: () => Promise<number>,
    private readonly intervalMs = CHECK_INTERVAL_MS,
  ) {}

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    if (this.subscribers.size === 1) {
      // The first count is news too: a stream opened just before it may have read an older one.
      this.last = undefined;
      void this.check(this.round);
    }
    return () => {
      if (this.subscribers.delete(subscriber) && this.subscribers.size === 0) {
        this.round += 1;
        clearTimeout(this.timer);
      }
    };
  }

  private async check(round: number): Promise<void> {
    // A database that does not answer is no news about workers: the pages say it themselves.
    const count = await this.countWorkers().catch(() => undefined);
    if (round !== this.round) return;
    if (count !== undefined && count !== this.last) {
      this.last = count;
      for (const subscriber of this.subscribers) {
        try {
          subscriber({ topic: "workers" });
        } catch (error) {
          console.error("[live] a subscriber failed", error);
        }
      }
    }
    this.timer = setTimeout(() => void this.check(round), this.intervalMs);
    this.timer.unref();
  }
}

const shared = globalThis as unknown as { firebreakWorkerWatch?: WorkerWatch };

/** Calls `subscriber` with `{ topic: "workers" }` whenever the number of live workers changes; returns the unsubscribe function. */
export function watchWorkers(subscriber: Subscriber): () => void {
  shared.firebreakWorkerWatch ??= new WorkerWatch(() => countLiveWorkers());
  return shared.firebreakWorkerWatch.subscribe(subscriber);
}
