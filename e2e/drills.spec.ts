import { randomUUID } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { captureAction, submitServerAction, withFields } from "./support/actions";
import { storageStatePath } from "./support/auth";
import type { TestDatabase } from "./support/database";

// Drills on the e2e server's database: each test makes schedules of its own (unique keys, removed
// afterwards with their runs), so the plan's three schedules stay as the demo seeded them. Time is
// arranged by writing the rows' own timestamps relative to the database's clock.

test.use({ storageState: storageStatePath("admin") });

const FORBIDDEN = "You do not have permission to do that.";
const WORKER = { timeout: 20_000 };

interface Drill {
  frequency: "daily" | "weekly" | "monthly" | "quarterly" | "yearly";
  createdDaysAgo: number;
  systems?: string[];
}

interface DrillRunRow {
  daysAgo: number;
  result: "passed" | "partial" | "failed";
  recoveryTimeSeconds?: number;
  dataLossSeconds?: number;
}

/** Schedules and runs one test owns, by key prefix, and their removal. */
class OwnDrills {
  readonly prefix = `e2e_${randomUUID().slice(0, 8)}`;

  constructor(private readonly db: TestDatabase) {}

  key(name: string): string {
    return `${this.prefix}_${name}`;
  }

  async schedule(name: string, { frequency, createdDaysAgo, systems = ["all"] }: Drill): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO "DrillSchedule" (id, key, frequency, "durationSeconds", systems, "createdAt", "updatedAt")
       VALUES ($1, $2, $3, 3600, $4, now() - make_interval(days => $5), now()) RETURNING id`,
      [randomUUID(), this.key(name), frequency, systems, createdDaysAgo],
    );
    return row!.id;
  }

  async run(scheduleId: string, { daysAgo, result, recoveryTimeSeconds, dataLossSeconds }: DrillRunRow): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO "DrillRun" (id, "scheduleId", "performedAt", participants, systems, "recoveryTimeSeconds", "dataLossSeconds", result, notes, "createdAt", "updatedAt")
       VALUES ($1, $2, now() - make_interval(days => $3), ARRAY['Ada E2E', 'Bo E2E'], ARRAY['bridge'], $4, $5, $6::"DrillResult", '', now(), now()) RETURNING id`,
      [randomUUID(), scheduleId, daysAgo, recoveryTimeSeconds ?? null, dataLossSeconds ?? null, result],
    );
    return row!.id;
  }

  async runsOf(name: string): Promise<{ id: string; participants: string[]; result: string; recoveryTimeSeconds: number | null; dataLossSeconds: number | null; systems: string[] }[]> {
    return this.db.query(
      `SELECT r.id, r.participants, r.result::text AS result, r."recoveryTimeSeconds", r."dataLossSeconds", r.systems
         FROM "DrillRun" r JOIN "DrillSchedule" s ON s.id = r."scheduleId" WHERE s.key = $1 ORDER BY r."createdAt"`,
      [this.key(name)],
    );
  }

  /** Runbook runs launched in drill mode go first: removing a drill would otherwise turn them into recoveries. */
  async remove(): Promise<void> {
    const own = `SELECT r.id FROM "DrillRun" r JOIN "DrillSchedule" s ON s.id = r."scheduleId" WHERE s.key LIKE $1`;
    await this.db.query(`DELETE FROM "RunbookRun" WHERE "drillRunId" IN (${own})`, [`${this.prefix}_%`]);
    await this.db.query(`DELETE FROM "DrillSchedule" WHERE key LIKE $1`, [`${this.prefix}_%`]);
  }
}

let drills: OwnDrills;
test.beforeEach(({ db }) => {
  drills = new OwnDrills(db);
});
test.afterEach(async () => {
  await drills.remove();
});

const scheduleRow = (page: Page, name: string) => page.locator(`[data-testid="drill-schedule-row"][data-key="${drills.key(name)}"]`);
const runRows = (page: Page) => page.locator(`[data-testid="drill-run-row"][data-schedule^="${drills.prefix}_"]`);
const shown = (name: string) => drills.key(name).replace(/_/g, " ");

test("the Drills page shows last runs, overdue drills, next due dates, and runs newest first against RTO and RPO", async ({ page }) => {
  const late = await drills.schedule("late", { frequency: "weekly", createdDaysAgo: 60 });
  const kept = await drills.schedule("kept", { frequency: "weekly", createdDaysAgo: 60 });
  await drills.schedule("new", { frequency: "quarterly", createdDaysAgo: 0 });
  await drills.run(late, { daysAgo: 20, result: "failed" });
  await drills.run(late, { daysAgo: 10, result: "partial", recoveryTimeSeconds: 5 * 3600, dataLossSeconds: 60 });
  await drills.run(kept, { daysAgo: 2, result: "passed", recoveryTimeSeconds: 3600, dataLossSeconds: 900 });

  await page.goto("/drills");
  // Weekly, last run ten days ago: due three days ago.
  await expect(scheduleRow(page, "late").getByTestId("drill-last-run").getByTestId("drill-result")).toHaveText("partial");
  await expect(scheduleRow(page, "late").getByTestId("drill-overdue")).toHaveText("Overdue");
  await expect(scheduleRow(page, "late").getByTestId("drill-due")).toContainText("by 3 days");
  // Weekly, last run two days ago: due in five.
  await expect(scheduleRow(page, "kept").getByTestId("drill-overdue")).toHaveCount(0);
  await expect(scheduleRow(page, "kept").getByTestId("drill-due")).toContainText("Due in 5 days");
  // Never run: due since it was created, so overdue at once.
  await expect(scheduleRow(page, "new").getByTestId("drill-last-run")).toHaveText("never");
  await expect(scheduleRow(page, "new").getByTestId("drill-overdue")).toBeVisible();

  const rows = runRows(page);
  await expect(rows).toHaveCount(3);
  await expect(rows.getByTestId("drill-result")).toHaveText(["passed", "partial", "failed"]);
  await expect(rows.nth(0)).toContainText(shown("kept"));
  await expect(rows.nth(0).getByTestId("drill-recovery-time")).toHaveAttribute("data-breached", "false");
  await expect(rows.nth(0).getByTestId("drill-data-loss")).toHaveAttribute("data-breached", "true");
  await expect(rows.nth(0).getByTestId("drill-data-loss")).toContainText("RPO 5 minutes · breached");
  await expect(rows.nth(1).getByTestId("drill-recovery-time")).toHaveAttribute("data-breached", "true");
  await expect(rows.nth(1).getByTestId("drill-recovery-time")).toContainText("RTO 4 hours · breached");
  await expect(rows.nth(1).getByTestId("drill-data-loss")).toContainText("RPO 5 minutes · within");
  await expect(rows.nth(2).getByTestId("drill-recovery-time")).toHaveText("not measured");

  // The overview lists the two overdue ones and not the one on schedule.
  await page.goto("/");
  const card = page.getByTestId("overdue-drills");
  await expect(card.locator(`[data-testid="overdue-drill"][data-key="${drills.key("late")}"]`)).toContainText("last run");
  await expect(card.locator(`[data-testid="overdue-drill"][data-key="${drills.key("new")}"]`)).toContainText("never run");
  await expect(card.locator(`[data-testid="overdue-drill"][data-key="${drills.key("kept")}"]`)).toHaveCount(0);
});

/** Fills the record form for one of this test's schedules. */
async function fillRecordForm(form: Locator, fields: { drill: string; performedAt: string; participants: string }) {
  await form.getByLabel("Drill", { exact: true }).selectOption({ label: shown(fields.drill) });
  await form.getByLabel("Performed at (UTC)").fill(fields.performedAt);
  await form.getByLabel("Participants").fill(fields.participants);
  await form.getByLabel(/^Recovery time, minutes/).fill("90");
  await form.getByLabel(/^Data loss, seconds/).fill("30");
  await form.getByLabel("failed", { exact: true }).check();
  await form.getByLabel("Notes").fill("The restore script **stalled** on the second volume.");
}

test("a drill run is recorded through the form; a refused field is named and writes nothing; a viewer's replay is refused", async ({ page, browser, db }) => {
  await drills.schedule("recorded", { frequency: "monthly", createdDaysAgo: 90 });
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 16);
  await page.goto("/drills");
  await expect(scheduleRow(page, "recorded").getByTestId("drill-overdue")).toBeVisible();

  const form = page.getByTestId("record-drill-form");
  await fillRecordForm(form, { drill: "recorded", performedAt: yesterday, participants: " , " });
  // "all" in the schedule: every system in the catalogue starts checked.
  await expect(form.getByRole("checkbox", { checked: false })).toHaveCount(0);
  await submitServerAction(page, () => form.getByRole("button", { name: "Record drill run" }).click());
  await expect(form.getByTestId("participants-error")).toHaveText("Participants: list at least one name");
  expect(await drills.runsOf("recorded")).toHaveLength(0);

  await form.getByLabel("Participants").fill("Ada Admin, Riley Responder\nCasey Commander");
  const { request } = await submitServerAction(page, () => form.getByRole("button", { name: "Record drill run" }).click());
  await expect(page.getByTestId("record-drill-form-status")).toHaveText("Drill run recorded.");
  const [stored] = await drills.runsOf("recorded");
  expect(stored).toMatchObject({ participants: ["Ada Admin", "Riley Responder", "Casey Commander"], result: "failed", recoveryTimeSeconds: 5400, dataLossSeconds: 30 });
  expect(stored!.systems.length).toBeGreaterThan(0);
  expect(await db.countAuditEntries({ action: "drill.recorded", targetId: stored!.id })).toBe(1);

  await expect(runRows(page)).toHaveCount(1);
  await expect(runRows(page).getByTestId("drill-result")).toHaveText("failed");
  await expect(runRows(page)).toContainText("Ada Admin, Riley Responder, Casey Commander");
  await expect(scheduleRow(page, "recorded").getByTestId("drill-overdue")).toHaveCount(0);
  await expect(scheduleRow(page, "recorded").getByTestId("drill-due")).toContainText(/Due in \d+ days/);

  // The same request with a viewer's cookies: refused by the action's role check, nothing written.
  const replay = withFields(await captureAction(request), { participants: "Vic Viewer" });
  const viewer = await browser.newContext({ storageState: storageStatePath("viewer") });
  try {
    const response = await viewer.request.post(replay.url, { headers: replay.headers, data: replay.body, maxRedirects: 0 });
    expect(await response.text()).toContain(FORBIDDEN);
  } finally {
    await viewer.close();
  }
  expect(await drills.runsOf("recorded")).toHaveLength(1);
});

test("a viewer sees the drills but no record form", async ({ browser }) => {
  const viewer = await browser.newContext({ storageState: storageStatePath("viewer") });
  try {
    const page = await viewer.newPage();
    await page.goto("/drills");
    await expect(page.getByTestId("drill-schedules")).toBeVisible();
    await expect(page.getByTestId("record-drill-form")).toHaveCount(0);
  } finally {
    await viewer.close();
  }
});

test("a runbook launched from a drill run runs in drill mode: on the drill, on no incident", async ({ page, db }) => {
  const schedule = await drills.schedule("rehearsed", { frequency: "weekly", createdDaysAgo: 30 });
  const drillRunId = await drills.run(schedule, { daysAgo: 0, result: "passed" });

  await page.goto(`/drills/runs/${drillRunId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Drill: ${shown("rehearsed")}`);
  const panel = page.getByTestId("drill-runbooks");
  await expect(panel.getByTestId("drill-runbook-run")).toHaveCount(0);
  await panel.getByTestId("runbook-choice").selectOption("demo-verify-chain-backup");
  const launcher = panel.getByTestId("run-launcher");
  await expect(launcher.getByTestId("drill-mode")).toContainText("Drill");
  await launcher.getByLabel("archive", { exact: true }).selectOption("chain-data-latest.tar.gz");
  await submitServerAction(page, () => launcher.getByRole("button", { name: "Review" }).click());
  await launcher.getByRole("button", { name: "Run it" }).click();
  await expect(page).toHaveURL(/\/runbooks\/runs\/[0-9a-f-]{36}$/);
  const runId = page.url().split("/").pop()!;

  const [row] = await db.query<{ drillRunId: string | null; incidentId: string | null }>(`SELECT "drillRunId", "incidentId" FROM "RunbookRun" WHERE id = $1`, [runId]);
  expect(row).toEqual({ drillRunId, incidentId: null });
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded", WORKER);

  await page.goto(`/drills/runs/${drillRunId}`);
  await expect(panel.getByTestId("drill-runbook-run")).toHaveAttribute("data-status", "succeeded");
  await expect(panel.getByTestId("drill-runbook-run")).toContainText("Demo: verify a chain-data backup archive");
});
