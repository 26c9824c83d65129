import "server-only";
import pg from "pg";
import { requireSetting } from "@/lib/env";
import { changeSchema, parseMessage, type Change, type LiveMessage } from "./message";
import { CHANGES_CHANNEL } from "./publish";

// One LISTEN connection per web process, shared by every open event stream in it.

/** `at` is when this process heard a change (its clock, ms); absent for its own messages. */
export type Subscriber = (message: LiveMessage, at?: number) => void;

export interface HeardChange {
  change: Change;
  at: number;
}

// What a listener keeps of what it heard, so a stream opened after a page was read can be sent the
// changes in between rather than "reload everything".
const RECENT_MS = 5 * 60_000;
const RECENT_MAX = 10_000;
const FORGET_BATCH = 1_000;
const FORGET_SLACK_MS = 30_000;

/** Found in pg_stat_activity under this name. */
export const LISTENER_APPLICATION_NAME = "firebreak-live";

const FIRST_RETRY_MS = 250;
// Every 2 s at most while the database is away: live pages catch up within seconds of its return.
const MAX_RETRY_MS = 2_000;

class ChangeListener {
  private readonly subscribers = new Set<Subscriber>();
  private client: pg.Client | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  // True until LISTEN succeeds: whoever subscribed before then may have missed a change.
  private missedChanges = true;
  private started = false;
  private closed = false;
  private recent: HeardChange[] = [];
  // Since when `recent` holds every change committed (this process's clock); null while not listening.
  private heardFrom: number | null = null;

  constructor(private readonly connectionString: string) {}

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    if (!this.started) {
      this.started = true;
      void this.connect();
    }
    return () => this.subscribers.delete(subscriber);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.retryTimer = null;
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: LISTENER_APPLICATION_NAME,
      // A connection that silently died (a failover, a dropped network) is noticed within a minute.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    this.client = client;
    client.on("notification", (message) => this.deliver(message.payload));
    // Without an error listener a server restart would crash the process.
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN "${CHANGES_CHANNEL}"`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.client !== client) return;
    if (this.failures > 0) console.info("[live] change listener reconnected");
    this.failures = 0;
    if (this.missedChanges) {
      this.missedChanges = false;
      this.recent = [];
      this.heardFrom = Date.now();
      this.broadcast({ topic: "resync" });
    }
  }

  private lost(client: pg.Client, error?: unknown): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    this.missedChanges = true;
    this.heardFrom = null;
    void client.end().catch(() => undefined);
    const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.failures);
    this.failures += 1;
    const reason = error instanceof Error ? error.message : "connection closed";
    console.error(`[live] change listener lost its database connection (${reason}); retrying in ${delay} ms`);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }

  private deliver(payload: string | undefined): void {
    const change = parseMessage(changeSchema, payload);
    if (!change) {
      console.warn(`[live] ignored a malformed change notification: ${String(payload).slice(0, 200)}`);
      return;
    }
    const at = Date.now();
    this.remember({ change, at });
    this.broadcast(change, at);
  }

  /** Every change heard at `since` or later, or null when this listener cannot know them all. */
  changesSince(since: number): HeardChange[] | null {
    if (this.heardFrom === null || since < this.heardFrom) return null;
    return this.recent.filter((heard) => heard.at >= since);
  }

  private remember(heard: HeardChange): void {
    this.recent.push(heard);
    // Forgetting copies what is kept, so it is done in batches rather than at every change of a storm.
    const oldest = this.recent[0];
    const due = this.recent.length >= RECENT_MAX + FORGET_BATCH || (oldest !== undefined && oldest.at < heard.at - RECENT_MS - FORGET_SLACK_MS);
    if (!due) return;
    const forgetBefore = heard.at - RECENT_MS;
    let drop = Math.max(0, this.recent.length - RECENT_MAX);
    while (drop < this.recent.length && (this.recent[drop]?.at ?? 0) < forgetBefore) drop += 1;
    const lastForgotten = this.recent[drop - 1];
    if (!lastForgotten) return;
    // What was forgotten can no longer be sent: from now on, only later changes are known in full.
    this.heardFrom = Math.max(this.heardFrom ?? 0, lastForgotten.at + 1);
    this.recent = this.recent.slice(drop);
  }

  private broadcast(message: LiveMessage, at?: number): void {
    for (const subscriber of this.subscribers) {
      try {
        subscriber(message, at);
      } catch (error) {
        console.error("[live] a subscriber failed", error);
      }
    }
  }
}

const cache = globalThis as unknown as { firebreakChangeListener?: ChangeListener };

/** Calls `subscriber` with every change any process commits; returns the unsubscribe function. */
export function subscribe(subscriber: Subscriber): () => void {
  cache.firebreakChangeListener ??= new ChangeListener(requireSetting("DATABASE_URL"));
  return cache.firebreakChangeListener.subscribe(subscriber);
}

/** Every change this process heard at `since` or later (its clock), or null when it cannot know them all. */
export function changesSince(since: number): HeardChange[] | null {
  return cache.firebreakChangeListener?.changesSince(since) ?? null;
}

/** Closes this process's listening connection; the next `subscribe` opens a new one. */
export async function closeChangeListener(): Promise<void> {
  const listener = cache.firebreakChangeListener;
  cache.firebreakChangeListener = undefined;
  await listener?.close();
}
