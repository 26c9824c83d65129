import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { countLiveWorkers } from "@/lib/health/workers";
import type { LiveMessage } from "./message";
import { WorkerWatch } from "./worker-watch";

// Against the real PostgreSQL, with a short interval: heartbeats written and aged by hand.

const INTERVAL_MS = 25;
const PATIENTLY = { timeout: 15_000 };

let counts = 0;
const unsubscribes: (() => void)[] = [];

/** The real count, counted. */
const watch = () =>
  new WorkerWatch(() => {
    counts += 1;
    return countLiveWorkers(db);
  }, INTERVAL_MS);

function listen(watcher: WorkerWatch): LiveMessage[] {
  const received: LiveMessage[] = [];
  unsubscribes.push(watcher.subscribe((message) => received.push(message)));
  return received;
}

beforeEach(async () => {
  counts = 0;
  await db.$executeRaw`DELETE FROM "WorkerHeartbeat"`;
});

afterEach(() => {
  unsubscribes.splice(0).forEach((unsubscribe) => unsubscribe());
});

describe("the worker watch", () => {
  it("tells every stream when workers start and stop, from one count for all of them", async () => {
    const started = Date.now();
    const watcher = watch();
    const streams = [listen(watcher), listen(watcher), listen(watcher)];
    const heard = (n: number) => expect.poll(() => streams.map((messages) => messages.length), PATIENTLY).toEqual([n, n, n]);

    // The first count, whatever it is.
    await heard(1);
    await db.$executeRaw`INSERT INTO "WorkerHeartbeat" (id, "workerIds", host, pid, "seenAt") VALUES ('w1', ARRAY['w1'], 'host', 1, now())`;
    await heard(2);
    // Silent for more than 30 s: stopped, though its row is still there.
    await db.$executeRaw`UPDATE "WorkerHeartbeat" SET "seenAt" = now() - interval '31 seconds'`;
    await heard(3);
    expect(streams[0]).toEqual([{ topic: "workers" }, { topic: "workers" }, { topic: "workers" }]);

    // At most one count per interval, not one per stream.
    expect(counts).toBeLessThanOrEqual((Date.now() - started) / INTERVAL_MS + 1);
  });

  it("says nothing while the count stays the same", async () => {
    const messages = listen(watch());
    await expect.poll(() => counts, PATIENTLY).toBeGreaterThanOrEqual(5);
    expect(messages).toEqual([{ topic: "workers" }]);
  });

  it("stops counting when the last stream closes, and starts again with the next", async () => {
    const watcher = watch();
    const first = listen(watcher);
    await expect.poll(() => first.length, PATIENTLY).toBe(1);
    unsubscribes.pop()!();
    const after = counts;
    // Absence shows only over time: twenty intervals.
    await new Promise((resolve) => setTimeout(resolve, 20 * INTERVAL_MS));
    expect(counts).toBeLessThanOrEqual(after + 1);

    const next = listen(watcher);
    await expect.poll(() => next.length, PATIENTLY).toBe(1);
  });
});
