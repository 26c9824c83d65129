import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { changesSince, closeChangeListener, LISTENER_APPLICATION_NAME, subscribe } from "./listener";
import type { Change, LiveMessage } from "./message";
import { CHANGES_CHANNEL, publishChange } from "./publish";

// Against the real PostgreSQL: NOTIFY travels only on commit, and the listener survives losing its connection.

let received: LiveMessage[] = [];
let unsubscribe: () => void;

async function listeningBackends(): Promise<number[]> {
  const rows = await db.$queryRaw<{ pid: number }[]>`
    SELECT pid FROM pg_stat_activity
    WHERE datname = current_database() AND application_name = ${LISTENER_APPLICATION_NAME} AND query LIKE 'LISTEN%'`;
  return rows.map((row) => row.pid);
}

const incidentChange = (): Change => ({ topic: "incident", id: randomUUID() });

async function commit(change: Change): Promise<void> {
  await db.$transaction((tx) => publishChange(tx, change));
}

async function notifyRaw(payload: string): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${CHANGES_CHANNEL}, ${payload})`;
}

/** Commits a change and waits for it: everything sent before it has arrived by then, since NOTIFY keeps commit order. */
async function commitAndAwait(change: Change): Promise<void> {
  await commit(change);
  await expect.poll(() => received).toContainEqual(change);
}

beforeAll(async () => {
  unsubscribe = subscribe((message) => received.push(message));
  await vi.waitFor(async () => expect(await listeningBackends()).toHaveLength(1), { timeout: 5_000 });
  // Whoever subscribed before LISTEN took effect is told to reload.
  await vi.waitFor(() => expect(received).toContainEqual({ topic: "resync" }));
});

beforeEach(() => {
  received = [];
});

afterAll(async () => {
  unsubscribe();
  await closeChangeListener();
});

describe("the change listener", () => {
  it("delivers a change once its transaction commits", async () => {
    const change = incidentChange();
    await commitAndAwait(change);
    await commitAndAwait({ topic: "settings" });
    expect(received).toEqual([change, { topic: "settings" }]);
  });

  it("never delivers a change whose transaction rolled back", async () => {
    const rolledBack = incidentChange();
    await expect(
      db.$transaction(async (tx) => {
        await publishChange(tx, rolledBack);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    const marker = incidentChange();
    await commitAndAwait(marker);
    expect(received).toEqual([marker]);
  });

  it("ignores and logs malformed payloads, and passes on only the topic and id", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await notifyRaw("not json");
      await notifyRaw(JSON.stringify({ topic: "incident", id: "INC-1" }));
      await notifyRaw(JSON.stringify({ topic: "payroll" }));
      const id = randomUUID();
      await notifyRaw(JSON.stringify({ topic: "incident", id, title: "Customer data exposed" }));
      await expect.poll(() => received).toContainEqual({ topic: "incident", id });
      expect(received).toEqual([{ topic: "incident", id }]);
      expect(warn).toHaveBeenCalledTimes(3);
      expect(warn.mock.calls[0]?.[0]).toContain("malformed change notification: not json");
    } finally {
      warn.mockRestore();
    }
  });

  it("keeps what it heard, so a stream opened later can be sent the changes since a time", async () => {
    const since = Date.now();
    const first = incidentChange();
    const second = incidentChange();
    await commitAndAwait(first);
    await commitAndAwait(second);
    const heard = changesSince(since);
    expect(heard?.map((entry) => entry.change)).toEqual([first, second]);
    expect(heard?.every((entry) => entry.at >= since)).toBe(true);
    const [, secondHeard] = heard ?? [];
    expect(changesSince(secondHeard!.at)?.map((entry) => entry.change)).toEqual([second]);
    // Before it was listening, it cannot know what changed.
    expect(changesSince(0)).toBeNull();
  });

  it("reconnects after its connection is killed, asks subscribers to resync, and delivers later changes", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    try {
      const [killed] = await listeningBackends();
      expect(killed).toBeDefined();
      await db.$queryRaw`SELECT pg_terminate_backend(${killed}::int)`;

      await expect.poll(async () => (await listeningBackends()).filter((pid) => pid !== killed)).toHaveLength(1);
      await expect.poll(() => received).toContainEqual({ topic: "resync" });
      expect(error).toHaveBeenCalledWith(expect.stringContaining("lost its database connection"));

      // What was committed while it was away is unknown: a stream asking for it is told to resync.
      expect(changesSince(Date.now() - 60_000)).toBeNull();

      const change = incidentChange();
      await commitAndAwait(change);
      expect(received).toEqual([{ topic: "resync" }, change]);
    } finally {
      error.mockRestore();
      info.mockRestore();
    }
  });

  it("stops telling a subscriber once it unsubscribes", async () => {
    const other: LiveMessage[] = [];
    const stop = subscribe((message) => other.push(message));
    const first = incidentChange();
    await commitAndAwait(first);
    stop();
    await commitAndAwait(incidentChange());
    expect(other).toEqual([first]);
  });
});
