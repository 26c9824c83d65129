import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { submitServerAction } from "./support/actions";
import { storageStatePath } from "./support/auth";
import { declareThroughForm } from "./support/declare";
import { ACCOUNT_AND_SETTINGS_PAGES } from "./support/pages";

// The responder's 3 a.m. path: woken by a page, on a phone. The incident's first screen says what
// it is and offers Acknowledge; nothing is wider than the screen; a dropped connection loses
// nothing typed or pressed; the reference people paste in chat is an address.

const PHONES = [
  { name: "360×740", viewport: { width: 360, height: 740 } },
  { name: "390×844", viewport: { width: 390, height: 844 } },
];

/** How far the page is wider than its window: 0 when nothing overflows sideways. */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.use({ storageState: storageStatePath("admin") });

for (const phone of PHONES) {
  test(`at ${phone.name} an unacknowledged incident opens on what it is and Acknowledge, 48 px tall, and nothing overflows`, async ({ browser, page, uniqueName }) => {
    const id = await declareThroughForm(page, uniqueName("Relayer stuck on the phone"), { severity: "critical" });
    const context = await browser.newContext({ storageState: storageStatePath("admin"), viewport: phone.viewport, isMobile: true, hasTouch: true });
    const phonePage = await context.newPage();
    await phonePage.goto(`/incidents/${id}`);

    const acknowledge = phonePage.getByTestId("acknowledge-form").getByRole("button", { name: "Acknowledge" });
    await expect(acknowledge).toBeInViewport({ ratio: 1 });
    const box = (await acknowledge.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(48);
    // Full width: the header's width less its padding.
    expect(box.width).toBeGreaterThan(phone.viewport.width - 80);
    for (const testId of ["incident-title", "ack-timer", "severity-badge", "status-badge"]) {
      await expect(phonePage.getByTestId(testId).first()).toBeInViewport();
    }
    expect(await sidewaysOverflow(phonePage)).toBe(0);
    // Paging is a summary that opens onto every page.
    await expect(phonePage.getByTestId("paged-person").first()).toBeVisible({ timeout: 15_000 });
    await expect(phonePage.getByTestId("pages")).toBeHidden();
    await phonePage.getByTestId("page-details").getByText(/Every page and attempt/).click();
    await expect(phonePage.getByTestId("pages")).toBeVisible();
    expect(await sidewaysOverflow(phonePage)).toBe(0);
    await context.close();
  });
}

test("no page of the app is wider than a 360 or 390 px phone", async ({ browser, page, uniqueName }) => {
  test.slow();
  const id = await declareThroughForm(page, uniqueName("Overflow check"), { severity: "high" });
  for (const phone of PHONES) {
    const context = await browser.newContext({ storageState: storageStatePath("admin"), viewport: phone.viewport, isMobile: true });
    const phonePage = await context.newPage();
    const paths = [
      "/",
      "/incidents",
      "/incidents/new",
      `/incidents/${id}`,
      "/teams",
      "/runbooks",
      "/postmortems",
      "/action-items",
      "/backups",
      "/drills",
      "/outbox",
      ...ACCOUNT_AND_SETTINGS_PAGES,
    ];
    const wide: string[] = [];
    for (const path of paths) {
      await phonePage.goto(path);
      await expect(phonePage.locator("main")).toBeVisible();
      const overflow = await sidewaysOverflow(phonePage);
      if (overflow > 0) wide.push(`${path}: ${overflow}px`);
    }
    expect(wide, phone.name).toEqual([]);
    await context.close();
  }
});

test("an incident's reference is its address, its tab names it, and an unknown address is a page inside the app with a search", async ({ page, db, uniqueName }) => {
  const title = uniqueName("Referenced in chat");
  const id = await declareThroughForm(page, title, { severity: "critical" });
  const [row] = await db.query<{ number: number }>(`SELECT number FROM "Incident" WHERE id = $1`, [id]);
  for (const reference of [`INC-${row!.number}`, `inc-${row!.number}`]) {
    await page.goto(`/incidents/${reference}`);
    await expect(page.getByTestId("incident-title")).toHaveText(title);
    // After the number of incidents waiting for acknowledgement.
    await expect(page).toHaveTitle(new RegExp(`^\\(\\d+\\) INC-${row!.number} · critical · declared · Firebreak$`));
  }

  for (const path of ["/incidents/INC-999999999", "/no/such/page"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).first()).toBeAttached();
  }
  await page.getByRole("searchbox", { name: /Search incidents/ }).fill(`INC-${row!.number}`);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("incident-row")).toContainText(title);
});

test("offline, a note, a status update and an acknowledgement keep what was typed and are sent when the connection returns", async ({ page, context, uniqueName }) => {
  const id = await declareThroughForm(page, uniqueName("Train tunnel"), { severity: "critical" });
  await page.goto(`/incidents/${id}`);
  await expect(page.getByTestId("live-status")).toHaveText("Live");

  await context.setOffline(true);
  const note = page.getByTestId("note-form");
  const noteText = uniqueName("Checked the relayer logs offline");
  await note.getByLabel("Note").fill(noteText);
  await note.getByRole("button", { name: "Add note when online" }).click();
  await expect(page.getByTestId("note-form-status")).toContainText("sent when the connection returns");

  await page.getByTestId("status-update").getByText("Post a status update").click();
  const update = page.getByTestId("status-update-form");
  const progress = uniqueName("Failing over offline");
  await update.getByLabel("Progress").fill(progress);
  await update.getByLabel("Next steps").fill("Watch the queue drain.");
  await update.getByRole("button", { name: "Post update when online" }).click();

  await page.getByTestId("acknowledge-form").getByRole("button", { name: "Acknowledge when online" }).click();
  // Nothing replaced the page, and what was typed is still there.
  await expect(note.getByLabel("Note")).toHaveValue(noteText);
  await expect(update.getByLabel("Progress")).toHaveValue(progress);
  // An action that needs the connection says why it cannot be used.
  await expect(page.getByTestId("resolve-form-offline")).toContainText("You are offline");
  await expect(page.getByTestId("resolve-form").getByRole("button", { name: "Resolve incident" })).toBeDisabled();

  await context.setOffline(false);
  await expect(page.locator('[data-testid="timeline-event"][data-kind="note"]')).toContainText(noteText, { timeout: 20_000 });
  await expect(page.locator('[data-testid="timeline-event"][data-kind="status_update"]')).toContainText(progress, { timeout: 20_000 });
  await expect(page.locator('[data-testid="timeline-event"][data-kind="acknowledged"]')).toHaveCount(1, { timeout: 20_000 });
  await expect(note.getByLabel("Note")).toHaveValue("");
});

test("a submission the network drops says so in the form and keeps the text; the page stays", async ({ page, uniqueName }) => {
  const id = await declareThroughForm(page, uniqueName("Flaky wifi"), { severity: "high" });
  await page.goto(`/incidents/${id}`);
  // The browser believes it is online; the request never arrives.
  await page.route(`**/incidents/${id}`, (route) => (route.request().method() === "POST" ? route.abort("connectionreset") : route.continue()));
  const note = page.getByTestId("note-form");
  await note.getByLabel("Note").fill("This will not get through the first time.");
  await note.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByTestId("note-form-status")).toContainText("Not sent: Firebreak could not be reached");
  await expect(note.getByLabel("Note")).toHaveValue("This will not get through the first time.");
  await expect(page.getByTestId("incident-title")).toBeVisible();

  await page.unroute(`**/incidents/${id}`);
  await submitServerAction(page, () => note.getByRole("button", { name: "Add note" }).click());
  await expect(page.locator('[data-testid="timeline-event"][data-kind="note"]')).toContainText("This will not get through the first time.");
});
