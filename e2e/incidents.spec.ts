import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { declareThroughForm as declareWithForm, type DeclareOptions } from "./support/declare";
import { captureAction, submitServerAction, withFields } from "./support/actions";
import { asUser, storageStatePath } from "./support/auth";
import type { TestDatabase } from "./support/database";

// The incident flow in the browser. Time is arranged by moving the incident's own timestamps
// in the database (a clock the test controls), never by waiting.

const declareThroughForm = (page: Page, title: string, severity: DeclareOptions["severity"] = "critical") =>
  declareWithForm(page, title, { severity, description: "Relayer **stalled** after the upgrade." });

async function declaredMinutesAgo(db: TestDatabase, id: string, minutes: number) {
  await db.query(
    `UPDATE "Incident" i SET "declaredAt" = now() - make_interval(mins => $2),
       "ackDueAt" = now() - make_interval(mins => $2) + make_interval(secs => s."responseTimeSeconds")
     FROM "SeverityLevel" s WHERE s.id = i."severityId" AND i.id = $1`,
    [id, minutes],
  );
}

async function countIncidents(db: TestDatabase) {
  return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Incident"`))[0]!.n;
}

test.describe("as a commander", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("declare → list → acknowledge → status update → resolve with data loss, with breaches flagged", async ({ page, browser, db, makeUser, uniqueName }) => {
    const title = uniqueName("Bridge withdrawals failing");
    const id = await declareThroughForm(page, title);
    await expect(page.getByTestId("incident-title")).toHaveText(title);
    await expect(page.getByTestId("ack-timer")).toHaveAttribute("data-state", "running");
    await expect(page.getByTestId("timeline-event").first()).toContainText("declared the incident (critical)");
    await expect(page.getByTestId("timeline").locator("strong")).toHaveCount(0); // description is in the impact panel, not the timeline
    await expect(page.getByText("stalled", { exact: true })).toHaveJSProperty("tagName", "STRONG");

    await page.goto(`/incidents?q=${encodeURIComponent(title)}`);
    await expect(page.getByTestId("incident-row")).toHaveCount(1);
    await expect(page.getByTestId("incident-row")).toContainText(title);

    // Twenty minutes after declaring a critical incident nobody has acknowledged it: breached.
    await declaredMinutesAgo(db, id, 5 * 60);
    const responder = await makeUser({ role: "responder" });
    const { context, page: responderPage } = await asUser(browser, responder.email, responder.password);
    await responderPage.goto(`/incidents/${id}`);
    await expect(responderPage.getByTestId("ack-timer")).toHaveAttribute("data-state", "breached");
    await submitServerAction(responderPage, () => responderPage.getByRole("button", { name: "Acknowledge" }).click());
    await expect(responderPage.getByTestId("ack-timer")).toContainText("target breached");
    await expect(responderPage.locator('[data-kind="breached"]')).toHaveCount(1);
    await expect(responderPage.getByTestId("resolve-form")).toHaveCount(0); // only commanders resolve

    // The update form folds under the note, beside the timeline.
    await responderPage.getByTestId("status-update").getByText("Post a status update").click();
    const update = responderPage.getByTestId("status-update-form");
    await update.getByLabel("Progress").fill("Relayer restarted on the standby node.");
    await update.getByLabel("Next steps").fill("Replay the stuck withdrawals.");
    await update.getByLabel("ETA").fill("30 minutes");
    await submitServerAction(responderPage, () => update.getByRole("button", { name: "Post update" }).click());
    const posted = responderPage.locator('[data-kind="status_update"]');
    await expect(posted).toContainText("Relayer restarted on the standby node.");
    await expect(posted).toContainText("Replay the stuck withdrawals.");
    await context.close();

    await page.goto(`/incidents/${id}`);
    const resolve = page.getByTestId("resolve-form");
    await resolve.getByLabel("Resolution").fill("Relayer rolled back to the previous release.");
    await resolve.getByLabel("Prevention").fill("Canary the relayer before upgrades.");
    await resolve.getByLabel("Follow-up").fill("Post-mortem on Friday.");
    await resolve.getByLabel("Data loss (seconds)").fill("600");
    await submitServerAction(page, () => resolve.getByRole("button", { name: "Resolve incident" }).click());

    await expect(page.getByTestId("status-badge").first()).toHaveText("resolved");
    await expect(page.getByTestId("clock-rto")).toHaveAttribute("data-breached", "true");
    await expect(page.getByTestId("clock-mtd")).toHaveAttribute("data-breached", "false");
    await expect(page.getByTestId("clock-rpo")).toHaveAttribute("data-breached", "true");
    await expect(page.getByTestId("clock-rpo")).toContainText("10m 00s");
    await expect(page.getByTestId("ack-breached")).toBeVisible();
    await expect(page.getByTestId("resolution")).toContainText("Canary the relayer before upgrades.");

    const audit = await db.auditEntries(id);
    expect(audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(["incident.declared", "incident.breached", "incident.acknowledged", "incident.status_update", "incident.resolved"]),
    );
  });

  test("a malformed declaration is refused with field errors, and nothing is written", async ({ page, db }) => {
    const before = await countIncidents(db);
    await page.goto("/incidents/new");
    const form = page.getByTestId("declare-form");
    await form.getByLabel("Title").fill("x");
    await submitServerAction(page, () => form.getByRole("button", { name: "Declare incident" }).click());
    await expect(form.getByTestId("title-error")).toHaveText("Title needs at least 3 characters");
    await expect(form.getByTestId("severityId-error")).toHaveText("Choose a severity");
    await expect(form.getByTestId("systemIds-error")).toHaveText("Choose at least one affected system");
    await expect(form.getByTestId("impact-error")).toHaveText("Impact is required");
    await expect(form.getByLabel("Title")).toHaveValue("x");
    expect(await countIncidents(db)).toBe(before);
  });

  test("filters live in the URL and narrow the list on the server", async ({ page, uniqueName }) => {
    const title = uniqueName("Monitoring gap");
    await declareThroughForm(page, title, "low");
    await page.goto("/incidents");
    const search = page.getByRole("search");
    await search.getByLabel("Search").fill(title);
    await search.getByLabel("Severity").selectOption("low");
    await search.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/severity=low/);
    await expect(page.getByTestId("incident-row")).toHaveCount(1);
    await page.goto(`/incidents?q=${encodeURIComponent(title)}&severity=critical`);
    await expect(page.getByTestId("incident-list-empty")).toBeVisible();
  });
});

test.describe("role boundaries, enforced by the server", () => {
  test("a viewer's direct declare call is refused and writes nothing", async ({ browser, db, uniqueName }) => {
    const admin = await browser.newContext({ storageState: storageStatePath("admin") });
    const adminPage = await admin.newPage();
    await adminPage.goto("/incidents/new");
    const form = adminPage.getByTestId("declare-form");
    await form.getByLabel("Title").fill("x");
    const { request } = await submitServerAction(adminPage, () => form.getByRole("button", { name: "Declare incident" }).click());
    const captured = withFields(await captureAction(request), { title: uniqueName("Viewer declared this") });
    await admin.close();

    const viewer = await browser.newContext({ storageState: storageStatePath("viewer") });
    const before = await countIncidents(db);
    const response = await viewer.request.post(captured.url, { headers: captured.headers, data: captured.body });
    expect(await response.text()).toContain("You do not have permission to do that.");
    expect(await countIncidents(db)).toBe(before);
    await viewer.close();
  });

  test("a responder cannot resolve, even by calling the action directly", async ({ browser, db, makeUser, uniqueName }) => {
    const admin = await browser.newContext({ storageState: storageStatePath("admin") });
    const adminPage = await admin.newPage();
    const id = await declareThroughForm(adminPage, uniqueName("Validator offline"), "high");
    const resolve = adminPage.getByTestId("resolve-form");
    const { request } = await submitServerAction(adminPage, () => resolve.getByRole("button", { name: "Resolve incident" }).click());
    await expect(resolve.getByTestId("resolution-error")).toBeVisible();
    const captured = withFields(await captureAction(request), { resolution: "Responder says it is fixed" });
    await admin.close();

    const responder = await makeUser({ role: "responder" });
    const { context, page } = await asUser(browser, responder.email, responder.password);
    const response = await page.request.post(captured.url, { headers: captured.headers, data: captured.body });
    expect(await response.text()).toContain("You do not have permission to do that.");
    expect((await db.query<{ status: string }>(`SELECT status FROM "Incident" WHERE id = $1`, [id]))[0]!.status).toBe("declared");
    await context.close();
  });
});
