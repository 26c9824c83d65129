import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { storageStatePath } from "./support/auth";
import { declareThroughForm } from "./support/declare";
import { ACCOUNT_AND_SETTINGS_PAGES } from "./support/pages";
import type { TestDatabase } from "./support/database";

// Every page passes an automated accessibility check (axe-core: no serious or critical violation,
// WCAG 2.2 AA contrast included) in the light and the dark theme, whole page with the shell.

const THEMES = ["light", "dark"] as const;

/** Serious and critical violations on the page as it stands, one line each. */
async function violationsOn(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`);
}

/** A page of each kind the app has, with ids from the e2e database's demo. */
async function everyPage(db: TestDatabase, incidentId: string): Promise<string[]> {
  const first = async (sql: string) => (await db.query<{ key: string }>(sql))[0]?.key;
  const postmortem = await first(`SELECT id::text AS key FROM "Postmortem" LIMIT 1`);
  const runbook = await first(`SELECT key FROM "Runbook" ORDER BY key LIMIT 1`);
  const run = await first(`SELECT id::text AS key FROM "RunbookRun" LIMIT 1`);
  const drillRun = await first(`SELECT id::text AS key FROM "DrillRun" LIMIT 1`);
  const team = await first(`SELECT key FROM "Team" ORDER BY key LIMIT 1`);
  return [
    "/",
    "/incidents",
    "/incidents/new",
    `/incidents/${incidentId}`,
    "/teams",
    team && `/teams/${team}`,
    "/runbooks",
    runbook && `/runbooks/${runbook}`,
    run && `/runbooks/runs/${run}`,
    "/postmortems",
    postmortem && `/postmortems/${postmortem}`,
    "/action-items",
    "/backups",
    "/drills",
    drillRun && `/drills/runs/${drillRun}`,
    "/outbox",
    ...ACCOUNT_AND_SETTINGS_PAGES,
    "/no/such/page",
  ].filter((path): path is string => Boolean(path));
}

test.use({ storageState: storageStatePath("admin") });

test("every page passes axe in the light and the dark theme", async ({ page, db, uniqueName }) => {
  test.slow();
  const incidentId = await declareThroughForm(page, uniqueName("Accessibility check"), { severity: "critical" });
  const found: string[] = [];
  for (const path of await everyPage(db, incidentId)) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    for (const colorScheme of THEMES) {
      await page.emulateMedia({ colorScheme });
      for (const line of await violationsOn(page)) found.push(`${path} (${colorScheme}) ${line}`);
    }
  }
  expect(found).toEqual([]);
});

test("the sign-in page and an expired acknowledge link pass axe in both themes", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const found: string[] = [];
  for (const path of ["/signin", "/ack/not-a-real-token"]) {
    await page.goto(path);
    for (const colorScheme of THEMES) {
      await page.emulateMedia({ colorScheme });
      for (const line of await violationsOn(page)) found.push(`${path} (${colorScheme}) ${line}`);
    }
  }
  expect(found).toEqual([]);
  await context.close();
});

test("the theme switch overrides the system, at once and on every page after", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.getByTestId("theme-switch").last().selectOption("dark");
  await expect(page.locator("html")).toHaveClass("dark");
  expect(await background()).not.toBe(light);
  await page.goto("/incidents");
  await expect(page.locator("html")).toHaveClass("dark");
  expect(await violationsOn(page)).toEqual([]);
  await page.getByTestId("theme-switch").last().selectOption("system");
  await expect(page.locator("html")).not.toHaveClass("dark");
  expect(await background()).toBe(light);
});
