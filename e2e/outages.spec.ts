import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { freePort } from "@/test/free-port";
import { expect, test } from "./fixtures";
import { signInThroughForm, submitSignIn } from "./support/auth";
import { e2eDatabaseUrl, TestDatabase } from "./support/database";
import { e2ePostgresPort } from "./support/environment";
import { startFirebreak, untilReady, type StartedServer } from "./support/server-process";

// What people see when the worker or the database is away. A web server and workers of their own
// (`npm run web`, `npm run worker`) on a database of their own in the e2e PostgreSQL, which the test
// closes to every connection (as a stopped server would be) and opens again.

const databaseName = "firebreak_outages";
const dataDir = path.resolve(".data/e2e-outages");
const authSecret = randomBytes(24).toString("hex");
const password = "outages-password-0123";

let port: number;
let base: string;
let databaseUrl: string;
let web: StartedServer;
const started: StartedServer[] = [];
const contexts: BrowserContext[] = [];

/** Marked when watching starts; a reload would lose the mark. */
type WatchedWindow = Window & { watchedSince?: number };

function databaseUrlFor(name: string): string {
  const url = new URL(e2eDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

function start(args: string[]): StartedServer {
  const server = startFirebreak({ port, postgresPort: e2ePostgresPort, dataDir }, { DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret }, args);
  started.push(server);
  return server;
}

async function stop(server: StartedServer): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGTERM");
  await server.exited;
}

async function signedIn(browser: Browser, email: string, target = "/"): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, storageState: { cookies: [], origins: [] } });
  contexts.push(context);
  const page = await context.newPage();
  await signInThroughForm(page, email, password);
  await page.goto(target);
  await page.evaluate(() => ((window as WatchedWindow).watchedSince = Date.now()));
  return page;
}

const notReloaded = (page: Page) => page.evaluate(() => (window as WatchedWindow).watchedSince);

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

test.beforeAll(async ({ db }) => {
  test.setTimeout(180_000);
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  databaseUrl = databaseUrlFor(databaseName);
  await db.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  await db.query(`CREATE DATABASE ${databaseName}`);
  web = start(["--only", "web"]);
  await untilReady(web, "the web server is ready");
  const outages = TestDatabase.connect(databaseUrl);
  try {
    for (const role of ["admin", "commander", "responder"] as const) {
      await outages.createUser({ email: `${role}@outages.test`, name: `Outage ${role}`, role, password });
    }
  } finally {
    await outages.close();
  }
});

test.afterAll(async ({ db }) => {
  for (const context of contexts) await context.close();
  for (const server of started) await stop(server);
  await db.query(`ALTER DATABASE ${databaseName} ALLOW_CONNECTIONS true`).catch(() => undefined);
  await db.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  await rm(dataDir, { recursive: true, force: true });
});

test("admins and commanders are told while no worker runs; the banner comes and goes by itself", async ({ browser }) => {
  const admin = await signedIn(browser, "admin@outages.test");
  const commander = await signedIn(browser, "commander@outages.test", "/incidents");
  const responder = await signedIn(browser, "responder@outages.test");
  const banner = (page: Page) => page.getByTestId("worker-banner");

  // No worker has ever run against this database.
  for (const page of [admin, commander]) {
    await expect(banner(page)).toBeVisible();
    await expect(banner(page)).toHaveAttribute("role", "alert");
    await expect(banner(page)).toContainText("pages, escalations and runbook runs are not being sent or run");
    await expect(banner(page)).toContainText("npm run worker");
  }
  await expect(responder.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(banner(responder)).toHaveCount(0);

  for (const colorScheme of ["light", "dark"] as const) {
    await admin.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page: admin }).include('[data-testid="worker-banner"]').analyze();
    expect(violations, `axe in ${colorScheme}`).toEqual([]);
  }
  await admin.setViewportSize({ width: 360, height: 740 });
  await expect(banner(admin)).toBeVisible();
  expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // A worker starts: its first beat is counted within the web server's 10 s check.
  const worker = start(["--only", "worker"]);
  await untilReady(worker, "the worker is running");
  await expect(banner(admin)).toBeHidden({ timeout: 60_000 });
  await expect(banner(commander)).toBeHidden({ timeout: 60_000 });

  // It stops: it says so as it goes, or is found silent after 30 s.
  await stop(worker);
  await expect(banner(admin)).toBeVisible({ timeout: 90_000 });
  await expect(banner(commander)).toBeVisible({ timeout: 90_000 });
  await expect(banner(responder)).toHaveCount(0);
  for (const page of [admin, commander, responder]) expect(await notReloaded(page)).toEqual(expect.any(Number));
});

test("a web server that loses its database says so, retries by itself and recovers", async ({ browser, db, request }) => {
  const inShell = await signedIn(browser, "admin@outages.test", "/incidents");
  const anonymous = await browser.newContext({ baseURL: base, storageState: { cookies: [], origins: [] } });
  contexts.push(anonymous);
  const signIn = await anonymous.newPage();
  await signIn.goto("/signin");

  // Closed to every connection, and the open ones ended: to the web server, PostgreSQL is gone.
  await db.query(`ALTER DATABASE ${databaseName} ALLOW_CONNECTIONS false`);
  await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [databaseName]);
  const health = await request.get(`${base}/api/health`);
  expect(health.status()).toBe(503);
  expect(await health.json()).toStrictEqual({ status: "error", database: "unreachable" });

  // A page opened during the outage (the shell itself cannot load), and a navigation inside the shell.
  const opened = await inShell.context().newPage();
  await opened.goto("/");
  await opened.evaluate(() => ((window as WatchedWindow).watchedSince = Date.now()));
  await inShell.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview", exact: true }).click();
  for (const page of [opened, inShell]) {
    const failure = page.getByTestId("page-failure");
    await expect(failure.getByRole("heading", { level: 1 })).toHaveText("Firebreak cannot reach its database");
    await expect(failure.getByRole("status")).toHaveText(/^Retrying by itself/);
    await expect(failure).not.toContainText(/allow connections|terminat|prisma|ECONN|stack/i);
  }
  await expect(inShell.getByRole("navigation", { name: "Main" })).toBeVisible();

  await submitSignIn(signIn, "responder@outages.test", password);
  await expect(signIn.getByTestId("sign-in-status")).toHaveText("Firebreak cannot reach its database. Try again shortly.");

  await db.query(`ALTER DATABASE ${databaseName} ALLOW_CONNECTIONS true`);
  await expect(opened.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible({ timeout: 60_000 });
  await expect(inShell.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible({ timeout: 60_000 });
  for (const page of [opened, inShell]) {
    await expect(page.getByTestId("page-failure")).toHaveCount(0);
    expect(await notReloaded(page)).toEqual(expect.any(Number));
  }
  expect((await request.get(`${base}/api/health`)).status()).toBe(200);
});
