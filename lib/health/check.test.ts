import net from "node:net";
import { beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, db } from "@/lib/db/client";
import { freePort } from "@/test/free-port";
import { checkHealth } from "./check";

/** A worker process's heartbeat row, last written `secondsAgo` by the database's clock. */
async function heartbeat(id: string, secondsAgo: number): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "WorkerHeartbeat" (id, "workerIds", host, pid, "seenAt")
    VALUES (${id}, ARRAY['worker-1'], 'test-host', 1, now() - make_interval(secs => ${secondsAgo}::float8))`;
}

beforeEach(async () => {
  await db.$executeRaw`DELETE FROM "WorkerHeartbeat"`;
});

describe("checkHealth", () => {
  it("counts the worker processes that beat in the last 30 s", async () => {
    await heartbeat("just-now", 1);
    await heartbeat("29s-ago", 29);
    await heartbeat("31s-ago", 31);
    await heartbeat("an-hour-ago", 3600);
    expect(await checkHealth()).toStrictEqual({ status: "ok", database: "ok", workers: 2, channels: { sms: "outbox", email: "outbox" } });
  });

  it("is degraded, with the database still ok, when no worker beat in the last 30 s", async () => {
    await heartbeat("stopped", 31);
    expect(await checkHealth()).toStrictEqual({ status: "degraded", database: "ok", workers: 0, channels: { sms: "outbox", email: "outbox" } });
  });

  it("is an error when nothing listens where the database should be", async () => {
    const nowhere = createPrismaClient(`postgresql://postgres:x@127.0.0.1:${await freePort()}/firebreak`);
    try {
      expect(await checkHealth(nowhere)).toStrictEqual({ status: "error", database: "unreachable" });
    } finally {
      await nowhere.$disconnect();
    }
  });

  it("gives up on a database that accepts connections and never answers, but only after its time limit", async () => {
    const sockets = new Set<net.Socket>();
    const hung = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => hung.listen(0, "127.0.0.1", resolve));
    const client = createPrismaClient(`postgresql://postgres:x@127.0.0.1:${(hung.address() as net.AddressInfo).port}/firebreak`);
    try {
      const started = Date.now();
      expect(await checkHealth(client)).toStrictEqual({ status: "error", database: "unreachable" });
      // A slow but healthy database gets its 5 s.
      expect(Date.now() - started).toBeGreaterThanOrEqual(4_900);
    } finally {
      for (const socket of sockets) socket.destroy();
      hung.close();
      await client.$disconnect();
    }
  });
});
