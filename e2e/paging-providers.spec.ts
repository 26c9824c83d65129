import { rm } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import { startSandbox, type StartedSandbox } from "@/test/sandbox";
import { expect, test } from "./fixtures";
import { DEMO_PASSWORD } from "./support/auth";
import { declareThroughForm, type DeclareOptions } from "./support/declare";
import { embeddedDatabaseUrl, query, startFirebreak, untilReady, type StartedServer } from "./support/server-process";

// Firebreak configured with Twilio and SendGrid, both the provider sandbox: the real SDKs, the
// real webhooks with real signatures, a worker that really sends.

const port = 3109;
const postgresPort = 54339;
const dataDir = path.resolve(".data/e2e-providers");
const base = `http://127.0.0.1:${port}`;
const CTO = { name: "John Doe", phone: "+12345678900", email: "cto@chain138.com" };

let sandbox: StartedSandbox;
let server: StartedServer;
let databaseUrl: string;

test.describe.configure({ mode: "serial" });
test.setTimeout(90_000);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await rm(dataDir, { recursive: true, force: true });
  sandbox = await startSandbox({ target: base, autoCallbacks: true, callbackDelayMs: 50 });
  server = startFirebreak({ port, postgresPort, dataDir }, { ...sandbox.settings, PUBLIC_URL: base, FIREBREAK_DEMO_HISTORY: "false" });
  await untilReady(server, "the provider-configured server is ready");
  databaseUrl = embeddedDatabaseUrl(dataDir, postgresPort);
});

test.afterAll(async () => {
  server?.child.kill("SIGTERM");
  await server?.exited;
  await sandbox?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function signInAsCommander(page: Page) {
  await page.goto(`${base}/signin`);
  await page.getByLabel("Email").fill("commander@firebreak.demo");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user").first()).toBeAttached();
}

async function declare(page: Page, title: string, severity: DeclareOptions["severity"]): Promise<{ id: string; number: number }> {
  const id = await declareThroughForm(page, title, { severity, origin: base });
  const [incident] = await query<{ number: number }>(databaseUrl, `SELECT number FROM "Incident" WHERE id = $1`, [id]);
  return { id, number: incident!.number };
}

const pagesOf = (incidentId: string) =>
  query<{ id: string; recipient: string; channel: string; status: string; attempts: number; error: string | null; fallbackForId: string | null; step: number | null }>(
    databaseUrl,
    `SELECT id, recipient, channel, status, attempts, error, "fallbackForId", step FROM "Page" WHERE "incidentId" = $1 AND kind = 'incident' ORDER BY "queuedAt", id`,
    [incidentId],
  );

test("declare critical → SMS and email from the templates → reply ACK → acknowledged, escalation stopped, confirmation sent", async ({ page }) => {
  await signInAsCommander(page);
  const incident = await declare(page, "Providers: validators stopped", "critical");

  const sms = await sandbox.waitForMessages({ provider: "twilio", to: CTO.phone }, 1, 15_000);
  expect(sms[0]!.body).toContain(`INC-${incident.number}`);
  expect(sms[0]!.body).toContain("critical");
  expect(sms[0]!.body).toContain(`ACK ${incident.number}`);
  const email = await sandbox.waitForMessages({ provider: "sendgrid", to: CTO.email }, 1, 15_000);
  expect(email[0]!.subject).toContain(`INC-${incident.number}`);
  expect(email[0]!.body).toContain("Withdrawals are failing for every user.");
  // Everyone on the severity's audience and the bridge's owning team, each once per channel.
  const pages = await pagesOf(incident.id);
  const recipients = pages.map((pageRow) => `${pageRow.channel}:${pageRow.recipient}`);
  expect(new Set(recipients).size).toBe(recipients.length);
  for (const address of ["sms:+12345678901", "sms:+12345678902", "email:infra-lead@chain138.com", "email:security-lead@chain138.com"]) {
    expect(recipients).toContain(address);
  }
  await expect.poll(async () => (await pagesOf(incident.id)).every((row) => row.status === "delivered"), { timeout: 20_000 }).toBe(true);

  const [reply] = await sandbox.sendInboundSms({ from: CTO.phone, body: `ACK ${incident.number}` });
  expect(reply!.status).toBe(200);
  const [stored] = await query(databaseUrl, `SELECT status, "acknowledgedBy", "acknowledgedVia" FROM "Incident" WHERE id = $1`, [incident.id]);
  expect(stored).toEqual({ status: "acknowledged", acknowledgedBy: CTO.name, acknowledgedVia: "sms" });
  expect(await query(databaseUrl, `SELECT count(*)::int AS n FROM "Escalation" WHERE "incidentId" = $1 AND status = 'active'`, [incident.id])).toEqual([{ n: 0 }]);
  const confirmation = await sandbox.waitForMessages({ provider: "twilio", to: CTO.phone }, 2, 15_000);
  expect(confirmation.at(-1)!.body).toContain(`Acknowledged INC-${incident.number}`);

  await page.reload();
  await expect(page.getByTestId("timeline")).toContainText(CTO.name);
});

test("SMS with two incidents waiting: ACK lists them newest first, ACK ALL takes both with one confirmation", async ({ page }) => {
  await signInAsCommander(page);
  const older = await declare(page, "Providers: explorer stale", "critical");
  const newer = await declare(page, "Providers: oracle drift", "critical");
  for (const incident of [older, newer]) await expect.poll(async () => (await pagesOf(incident.id)).length, { timeout: 20_000 }).toBeGreaterThan(0);

  const [asked] = await sandbox.sendInboundSms({ from: CTO.phone, body: "ACK" });
  expect(asked!.status).toBe(200);
  // The list is the webhook's own answer (TwiML, which Twilio texts back): both, newest first, and ACK ALL.
  const text = asked!.body;
  expect(text.indexOf(`INC-${newer.number}`)).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(`INC-${newer.number}`)).toBeLessThan(text.indexOf(`INC-${older.number}`));
  expect(text).toContain("ACK ALL");

  await sandbox.sendInboundSms({ from: CTO.phone, body: "ack all" });
  const acknowledged = await query<{ n: number }>(databaseUrl, `SELECT count(*)::int AS n FROM "Incident" WHERE id = ANY($1::uuid[]) AND status = 'acknowledged'`, [[older.id, newer.id]]);
  expect(acknowledged).toEqual([{ n: 2 }]);
  const confirmation = await query<{ body: string }>(databaseUrl, `SELECT body FROM "Page" WHERE kind = 'confirmation' AND recipient = $1 ORDER BY "queuedAt" DESC LIMIT 1`, [CTO.phone]);
  expect(confirmation[0]!.body).toContain(`INC-${older.number}`);
  expect(confirmation[0]!.body).toContain(`INC-${newer.number}`);
});

test("no acknowledgement → the next step is paged when its delay has passed", async ({ page }) => {
  await signInAsCommander(page);
  // Medium pages the technical teams; the CTO only comes in as step 2 of their policies.
  const incident = await declare(page, "Providers: monitoring gap", "medium");
  await expect.poll(async () => (await pagesOf(incident.id)).length, { timeout: 15_000 }).toBeGreaterThan(0);
  expect((await pagesOf(incident.id)).some((row) => row.recipient === CTO.phone)).toBe(false);

  // The clock: bring the escalation timers' time forward to now instead of waiting five minutes.
  await query(databaseUrl, `UPDATE "Escalation" SET "nextStepAt" = now() WHERE "incidentId" = $1`, [incident.id]);
  await query(
    databaseUrl,
    `UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key IN (SELECT 'paging-escalation-step:' || id FROM "Escalation" WHERE "incidentId" = $1)`,
    [incident.id],
  );
  await expect.poll(async () => (await pagesOf(incident.id)).find((row) => row.recipient === CTO.phone)?.step, { timeout: 20_000 }).toBe(2);
  const escalated = (await pagesOf(incident.id)).find((row) => row.recipient === CTO.phone)!;
  const [sms] = await sandbox.waitForMessages({ pageId: escalated.id }, 1, 15_000);
  expect(sms!.body).toContain(`INC-${incident.number}`);
});

test("429 then success → delivered once; an invalid number → failed with the reason, email instead", async ({ page }) => {
  await query(databaseUrl, `UPDATE "Contact" SET phone = '+15005550001', "acceptsEmail" = false WHERE "emergencyKey" = 'security'`);
  await sandbox.failNext({ provider: "twilio", status: 429, to: "+12345678901" });
  await signInAsCommander(page);
  const incident = await declare(page, "Providers: flaky carrier", "critical");

  await expect.poll(async () => (await pagesOf(incident.id)).find((row) => row.recipient === "+12345678901")?.status, { timeout: 20_000 }).toBe("delivered");
  const retried = (await pagesOf(incident.id)).find((row) => row.recipient === "+12345678901")!;
  expect(retried.attempts).toBe(2);
  const toOps = (await sandbox.messages({ pageId: retried.id })).map((message) => message.status);
  expect(toOps).toEqual([429, 201]);

  await expect.poll(async () => (await pagesOf(incident.id)).find((row) => row.recipient === "+15005550001")?.status, { timeout: 20_000 }).toBe("failed");
  const failed = (await pagesOf(incident.id)).find((row) => row.recipient === "+15005550001")!;
  expect(failed.error).toContain("Twilio 21211");
  const fallback = (await pagesOf(incident.id)).find((row) => row.fallbackForId === failed.id);
  expect(fallback).toMatchObject({ channel: "email", recipient: "security@chain138.com" });
  await sandbox.waitForMessages({ provider: "sendgrid", pageId: fallback!.id }, 1, 15_000);

  await page.goto(`${base}/incidents/${incident.id}`);
  await page.getByTestId("page-details").getByText(/Every page and attempt/).click();
  await expect(page.getByTestId("page-row").filter({ hasText: "Twilio 21211" })).toBeVisible();
});

test("a bad signature on any webhook → 403 and nothing changes; repeated callbacks change nothing", async ({ page }) => {
  await signInAsCommander(page);
  const incident = await declare(page, "Providers: forged replies", "critical");
  await expect.poll(async () => (await pagesOf(incident.id)).every((row) => row.status === "delivered" || row.status === "failed"), { timeout: 20_000 }).toBe(true);
  const before = await pagesOf(incident.id);

  const [forgedReply] = await sandbox.sendInboundSms({ from: CTO.phone, body: `ACK ${incident.number}`, badSignature: true });
  expect(forgedReply!.status).toBe(403);
  const sms = before.find((row) => row.recipient === CTO.phone)!;
  const [forgedStatus] = await sandbox.sendTwilioStatus({ pageId: sms.id, status: "failed", errorCode: 30003, badSignature: true });
  expect(forgedStatus!.status).toBe(403);
  const mail = before.find((row) => row.recipient === CTO.email)!;
  const [forgedEvents] = await sandbox.sendSendgridEvents({ events: [{ pageId: mail.id, event: "bounce", reason: "forged" }], badSignature: true });
  expect(forgedEvents!.status).toBe(403);
  expect((await query(databaseUrl, `SELECT status FROM "Incident" WHERE id = $1`, [incident.id]))[0]).toEqual({ status: "declared" });
  expect(await pagesOf(incident.id)).toEqual(before);

  // A genuine event delivered twice is applied once.
  const deliveries = await sandbox.sendSendgridEvents({ events: [{ pageId: mail.id, event: "deferred" }, { pageId: mail.id, event: "delivered" }], twice: true });
  expect(deliveries.map((delivery) => delivery.status)).toEqual([200, 200]);
  expect(JSON.parse(deliveries[1]!.body).outcomes).toEqual({ duplicate: 1 });
  const statusTwice = await sandbox.sendTwilioStatus({ pageId: sms.id, status: "delivered", twice: true });
  expect(statusTwice.map((delivery) => JSON.parse(delivery.body).outcome)).toEqual(["duplicate", "duplicate"]);
  expect(await pagesOf(incident.id)).toEqual(before);
});
