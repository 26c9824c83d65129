import { rm } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { expect, test } from "./fixtures";
import { e2eDatabaseUrl } from "./support/database";
import { embeddedDatabaseUrl, query, startFirebreak, untilReady, type StartedServer } from "./support/server-process";

// `npm start` as an operator meets it: start, stop with a signal, start again with the data kept.

const port = 3108;
const postgresPort = 54338;
const dataDir = path.resolve(".data/e2e-lifecycle");

// Every server a test starts, so one a failed test left running is stopped all the same.
const started: StartedServer[] = [];
function start(extra: Record<string, string>, args: string[] = []): StartedServer {
  const server = startFirebreak({ port, postgresPort, dataDir }, extra, args);
  started.push(server);
  return server;
}

function portFree(candidate: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(candidate, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

test.beforeAll(() => rm(dataDir, { recursive: true, force: true }));
test.afterAll(async () => {
  for (const server of started) {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  }
  await rm(dataDir, { recursive: true, force: true });
});

test("start seeds once, stops cleanly on SIGTERM and SIGINT, and keeps the data", async ({ request }) => {
  const first = start({});
  await untilReady(first, "first start is ready");
  expect(first.output()).toContain("Seeding the demo organisation (first run)");
  expect(first.output()).toContain("admin      admin@firebreak.demo");
  expect((await request.get(`http://127.0.0.1:${port}/api/health`)).status()).toBe(200);

  const url = embeddedDatabaseUrl(dataDir, postgresPort);
  await query(url, `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('e2e.kept', '"yes"', now())`);

  first.child.kill("SIGTERM");
  expect(await first.exited, first.output()).toBe(0);
  expect(first.output()).toContain("Stopped.");
  expect(await portFree(port)).toBe(true);
  expect(await portFree(postgresPort)).toBe(true);

  const second = start({});
  await untilReady(second, "second start is ready");
  expect(second.output()).not.toContain("Seeding the demo organisation");
  expect(await query(url, `SELECT value FROM "Setting" WHERE key = 'e2e.kept'`)).toEqual([{ value: "yes" }]);
  expect(await query(url, `SELECT count(*)::int AS n FROM "User" WHERE email = 'admin@firebreak.demo'`)).toEqual([{ n: 1 }]);

  second.child.kill("SIGINT");
  expect(await second.exited, second.output()).toBe(0);
  expect(await portFree(postgresPort)).toBe(true);
});

test("with DATABASE_URL it starts no embedded database, and demands AUTH_SECRET", async ({ request }) => {
  const withoutSecret = start({ DATABASE_URL: e2eDatabaseUrl() }, ["--only", "web"]);
  expect(await withoutSecret.exited).toBe(1);
  expect(withoutSecret.output()).toContain("AUTH_SECRET: is required when DATABASE_URL is set");

  const web = start({ DATABASE_URL: e2eDatabaseUrl(), AUTH_SECRET: "x".repeat(40) }, ["--only", "web"]);
  await untilReady(web, "web-only start is ready");
  expect(web.output()).not.toContain("Starting the embedded PostgreSQL");
  // The shared e2e server's worker beats in that database.
  expect(await (await request.get(`http://127.0.0.1:${port}/api/health`)).json()).toEqual({ status: "ok", database: "ok", workers: expect.any(Number), channels: { sms: "outbox", email: "outbox" } });
  web.child.kill("SIGTERM");
  expect(await web.exited, web.output()).toBe(0);
});
