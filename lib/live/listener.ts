import "server-only";
import pg from "pg";
import { z } from "zod";
import { requireSetting } from "@/lib/env";
import { CHANGES_CHANNEL, type Change } from "./publish";

// One LISTEN connection per web process, shared by every open event stream in it.

/**
 * A change; "you may have missed changes: reload everything" after the connection was lost; or
 * "the number of live workers changed", from this process's own watch (worker-watch.ts).
 */
export type LiveMessage = Change | { topic: "resync" } | { topic: "workers" };
export type Subscriber = (message: LiveMessage) => void;

// Unknown keys are dropped, so a stream only ever carries a topic and an id.
const changeSchema = z.discriminatedUnion("topic", [
  z.object({ topic: z.literal("incident"), id: z.uuid() }),
  z.object({ topic: z.literal("settings") }),
  z.object({ topic: z.literal("run"), id: z.uuid() }),
  z.object({ topic: z.literal("postmortem"), id: z.uuid() }),
  z.object({ topic: z.literal("backups") }),
]);

/** Found in pg_stat_activity under this name. */
export const LISTENER_APPLICATION_NAME = "firebreak-live";

const FIRST_RETRY_MS = 250;
// Every 2 s at most while the database is away: live pages catch up within seconds of its return.
const MAX_RETRY_MS = 2_000;

function parseChange(payload: string | undefined): Change | null {
  let json: unknown;
  try {
    json = JSON.parse(payload ?? "");
  } catch {
    return null;
  }
  const parsed = changeSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

class ChangeListener {
  private readonly subscribers = new Set<Subscriber>();
  private client: pg.Client | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  // True until LISTEN succeeds: whoever subscribed before then may have missed a change.
  private missedChanges = true;
  private started = false;
  private closed = false;

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
      this.broadcast({ topic: "resync" });
    }
  }

  private lost(client: pg.Client, error?: unknown): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    this.missedChanges = true;
    void client.end().catch(() => undefined);
    const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.failures);
    this.failures += 1;
    const reason = error instanceof Error ? error.message : "connection closed";
    console.error(`[live] change listener lost its database connection (${reason}); retrying in ${delay} ms`);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }

  private deliver(payload: string | undefined): void {
    const change = parseChange(payload);
    if (!change) {
      console.warn(`[live] ignored a malformed change notification: ${String(payload).slice(0, 200)}`);
      return;
    }
    this.broadcast(change);
  }

  private broadcast(message: LiveMessage): void {
    for (const subscriber of this.subscribers) {
      try {
        subscriber(message);
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

/** Closes this process's listening connection; the next `subscribe` opens a new one. */
export async function closeChangeListener(): Promise<void> {
  const listener = cache.firebreakChangeListener;
  cache.firebreakChangeListener = undefined;
  await listener?.close();
}
