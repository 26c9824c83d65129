import type { Locator, Page } from "@playwright/test";
import { BREACH_FILL } from "@/components/overview/format";
import { test, expect } from "./fixtures";
import { storageStatePath } from "./support/auth";

// The overview on the e2e server's fresh database, which the demo seeds with about 90 days of history.

test.use({ storageState: storageStatePath("admin") });

const charts = [
  { testId: "chart-open-by-severity", heading: "Open incidents by severity" },
  { testId: "chart-weekly-incidents", heading: "Incidents per week" },
  { testId: "chart-response-times", heading: "Time to acknowledge and to resolve" },
  { testId: "chart-time-to-recover", heading: "Time to recover against the RTO" },
  { testId: "chart-data-loss", heading: "Data loss against the RPO" },
];

/** Opens a chart's table alternative and returns its body rows. */
async function tableRows(chart: Locator): Promise<Locator> {
  await chart.getByText("Figures as a table").click();
  return chart.locator("table tbody tr");
}

async function statCard(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(testId).textContent();
  expect(text).toMatch(/^\d+$/);
  return Number(text);
}

test("the overview charts the demo history, says it is demo, and keeps the plan's panels", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("demo-history-note")).toContainText("Includes demo history");

  const open = await statCard(page, "open-incidents");
  const unacknowledged = await statCard(page, "unacknowledged-incidents");
  const breached = await statCard(page, "breached-incidents");
  expect(unacknowledged).toBeLessThanOrEqual(open);
  expect(breached).toBeLessThanOrEqual(open);
  // Those waiting for acknowledgement are named, each a link to its incident.
  if (unacknowledged > 0) await expect(page.getByTestId("waiting-incidents").getByRole("link")).toHaveCount(Math.min(unacknowledged, 5));

  for (const chart of charts) {
    await expect(page.getByTestId(chart.testId).getByRole("heading", { level: 2, name: chart.heading })).toBeVisible();
  }

  // Other specs may leave incidents open; the chart agrees with the stat card either way.
  const openChart = page.getByTestId("chart-open-by-severity");
  if (open === 0) await expect(openChart.getByTestId("empty-state")).toContainText("Nothing is open right now.");
  else await expect(openChart.getByTestId("chart-open-by-severity-summary")).toHaveText(new RegExp(`^${open} open: `));

  const weekly = page.getByTestId("chart-weekly-incidents");
  await expect(weekly.getByTestId("chart-weekly-incidents-summary")).toHaveText(/^[1-9]\d* incidents declared in the last 12 weeks/);
  await expect(weekly.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(await tableRows(weekly)).toHaveCount(12);

  const response = page.getByTestId("chart-response-times");
  await expect(response.getByTestId("chart-response-times-summary")).toHaveText(/mean time to acknowledge \d+[hm] .*mean time to resolve \d+[hm] /);
  await expect(response.locator(".recharts-line-curve")).toHaveCount(2);

  const recovery = page.getByTestId("chart-time-to-recover");
  const recoverySummary = recovery.getByTestId("chart-time-to-recover-summary");
  await expect(recoverySummary).toHaveText(/^\d+ of the last 30 resolved incidents exceeded the RTO of \d+ (hours?|minutes?)\./);
  const overRto = Number((await recoverySummary.textContent())!.split(" ")[0]);
  const recoveryRows = await tableRows(recovery);
  await expect(recoveryRows).toHaveCount(30);
  // Breaches are the red bars and the "yes" rows, as many as the summary says.
  await expect(recoveryRows.filter({ hasText: /yes$/ })).toHaveCount(overRto);
  await expect(recovery.locator(`.recharts-bar-rectangle path[fill="${BREACH_FILL}"]`)).toHaveCount(overRto);
  await expect(recoveryRows.first().getByRole("link", { name: /^INC-\d+$/ })).toHaveAttribute("href", /^\/incidents\/[0-9a-f-]{36}$/);

  const dataLoss = page.getByTestId("chart-data-loss");
  await expect(dataLoss.getByTestId("chart-data-loss-summary")).toHaveText(/^\d+ of the last \d+ resolved incidents exceeded the RPO of \d+ (minutes?|seconds?|hours?)\./);
  await expect(dataLoss.locator(".recharts-reference-line")).toHaveCount(1);

  await expect(page.getByTestId("severity-levels").getByRole("listitem")).toHaveCount(4);
  await expect(page.getByTestId("teams").locator(":scope > li")).toHaveCount(3);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the charts fit the screen", async ({ page }) => {
    await page.goto("/");
    for (const testId of ["chart-weekly-incidents", "chart-response-times", "chart-time-to-recover", "chart-data-loss"]) {
      const surface = page.getByTestId(testId).locator("svg.recharts-surface").first();
      await expect(surface).toBeVisible();
      expect((await surface.boundingBox())!.width).toBeLessThanOrEqual(390);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
