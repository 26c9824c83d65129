import { readdirSync, readFileSync } from "node:fs";
import type { Browser, Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { captureAction, isServerActionPost, submitServerAction, withFields, type CapturedAction } from "./support/actions";
import { signInThroughForm, storageStatePath } from "./support/auth";
import type { TestDatabase, TestUser } from "./support/database";
import { declareThroughForm } from "./support/declare";

// Runbooks from config/runbooks, launched through the browser and run by the e2e server's worker
// against the demo environment (archives in DATA_DIR/demo/backups). Runs finish asynchronously,
// so their results are awaited generously.

test.use({ storageState: storageStatePath("admin") });
test.describe.configure({ timeout: 90_000 });

const WORKER = { timeout: 20_000 };
const RUN_URL = /\/runbooks\/runs\/([0-9a-f-]{36})$/;

/** Fills a launcher's parameters, asks for the review, and returns what the server says will run. */
async function review(page: Page, launcher: Locator, values: Record<string, string> = {}): Promise<Locator> {
  for (const [name, value] of Object.entries(values)) {
    const field = launcher.getByLabel(name, { exact: true });
    if ((await field.evaluate((element) => element.tagName)) === "SELECT") await field.selectOption(value);
    else await field.fill(value);
  }
  await submitServerAction(page, () => launcher.getByRole("button", { name: "Review" }).click());
  return launcher.getByTestId("run-preview");
}

/** Confirms a reviewed launch and returns the run's id once its page is open. */
async function confirm(page: Page, launcher: Locator, label: "Run it" | "Request approval"): Promise<string> {
  await launcher.getByRole("button", { name: label }).click();
  await expect(page).toHaveURL(RUN_URL);
  return RUN_URL.exec(page.url())![1]!;
}

/** The launcher on a runbook's own page. */
async function openLauncher(page: Page, runbookKey: string): Promise<Locator> {
  await page.goto(`/runbooks/${runbookKey}`);
  return page.getByTestId("run-launcher");
}

/** Catches the next server action the page sends to `url` and never delivers it: a template for replays that created nothing. */
async function holdBackNextAction(page: Page, url: string): Promise<{ captured: Promise<CapturedAction> }> {
  let resolve: (action: CapturedAction) => void = () => {};
  const captured = new Promise<CapturedAction>((done) => (resolve = done));
  await page.route(url, async (route) => {
    if (!isServerActionPost(route.request())) return route.continue();
    resolve(await captureAction(route.request()));
    await route.abort();
  });
  return { captured: captured.finally(() => page.unrouteAll({ behavior: "ignoreErrors" })) };
}

/** The launch request a confirmation sends, held back. */
async function captureLaunch(page: Page, runbookKey: string, values: Record<string, string>): Promise<CapturedAction> {
  const launcher = await openLauncher(page, runbookKey);
  await review(page, launcher, values);
  const held = await holdBackNextAction(page, `**/runbooks/${runbookKey}`);
  await launcher.getByRole("button", { name: /^(Run it|Request approval)$/ }).click();
  return held.captured;
}

function replay(page: Page, action: CapturedAction) {
  return page.request.post(action.url, { headers: action.headers, data: action.body, maxRedirects: 0 });
}

/** A browser of its own, signed in through the form as `user`. */
async function signedIn(browser: Browser, user: TestUser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signInThroughForm(page, user.email, user.password);
  return { page, close: () => context.close() };
}

async function runCount(db: TestDatabase, runbookKey: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "RunbookRun" r JOIN "Runbook" b ON b.id = r."runbookId" WHERE b.key = $1`,
    [runbookKey],
  );
  return row!.n;
}

/** Processes on this machine (the e2e server's worker runs here) whose argv is exactly `argv`. */
function processesRunning(argv: string[]): number {
  const wanted = `${argv.join("\0")}\0`;
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8") === wanted;
      } catch {
        return false; // ended while we looked
      }
    }).length;
}

const runStatus = (page: Page) => page.getByTestId("run-status");
const runSteps = (page: Page) => page.getByTestId("run-step");

test("the runbooks page lists every configured runbook with its risk, role, tools and last run", async ({ page }) => {
  const keys = readdirSync("config/runbooks")
    .filter((file) => file.endsWith(".yml"))
    .map((file) => file.slice(0, -".yml".length));
  await page.goto("/runbooks");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Runbooks");
  await expect(page.getByTestId("runbook")).toHaveCount(keys.length);

  const verify = page.locator('[data-testid="runbook"][data-key="demo-verify-chain-backup"]');
  await expect(verify.getByRole("link", { name: "Demo: verify a chain-data backup archive" })).toHaveAttribute("href", "/runbooks/demo-verify-chain-backup");
  await expect(verify.getByTestId("destructive-badge")).toHaveCount(0);
  await expect(verify.getByTestId("runbook-role")).toHaveText("responder or above");
  await expect(verify.getByTestId("runbook-requires")).toHaveText("needs tar");
  await expect(verify.locator("code", { hasText: "tar -tzf" })).toBeVisible(); // the description's Markdown

  const recoverNode = page.locator('[data-testid="runbook"][data-key="recover-node"]');
  await expect(recoverNode.getByTestId("destructive-badge")).toBeVisible();
  await expect(recoverNode.getByTestId("runbook-role")).toHaveText("commander or above");
  await expect(recoverNode.getByTestId("runbook-requires")).toContainText("docker-compose");
});

test("a runbook launched from an incident shows exactly what will run, streams its output, and lands on the timeline", async ({ page, db, uniqueName }) => {
  const title = uniqueName("Backup suspect");
  const incidentId = await declareThroughForm(page, title, { severity: "low" });
  const panel = page.getByTestId("recovery-actions");
  await panel.getByTestId("runbook-choice").selectOption("demo-verify-chain-backup");
  const launcher = panel.getByTestId("run-launcher");

  const before = await runCount(db, "demo-verify-chain-backup");
  const preview = await review(page, launcher, { archive: "chain-data-latest.tar.gz" });
  await expect(preview.getByTestId("argv-arg")).toHaveText(["tar", "-tzf", "chain-data-latest.tar.gz"]);
  await expect(preview.getByTestId("step-cwd")).toHaveText(/\/demo\/backups$/);
  await expect(preview.getByTestId("destructive-warning")).toHaveCount(0);
  expect(await runCount(db, "demo-verify-chain-backup")).toBe(before); // a review runs nothing

  const runId = await confirm(page, launcher, "Run it");
  const [row] = await db.query<{ incidentId: string; parameters: unknown }>(`SELECT "incidentId", parameters FROM "RunbookRun" WHERE id = $1`, [runId]);
  expect(row).toEqual({ incidentId, parameters: { archive: "chain-data-latest.tar.gz" } });

  await expect(page.getByTestId("run-output").first()).toContainText("chain138/", WORKER);
  await expect(runStatus(page)).toHaveAttribute("data-status", "succeeded", WORKER);
  await expect(runSteps(page)).toHaveAttribute("data-status", "succeeded");
  await expect(runSteps(page).getByTestId("run-step-exit-code")).toHaveText("exit code 0");
  await expect(page.getByTestId("run-parameters")).toContainText("chain-data-latest.tar.gz");

  await page.getByTestId("run-incident").click();
  await expect(page).toHaveURL((url) => url.pathname === `/incidents/${incidentId}`);
  const event = (kind: string) => page.locator(`[data-testid="timeline-event"][data-kind="${kind}"]`);
  await expect(event("runbook_requested")).toContainText("Demo: verify a chain-data backup archive");
  await expect(event("runbook_started")).toContainText("Demo: verify a chain-data backup archive");
  await expect(event("runbook_finished")).toContainText("succeeded");
  await expect(event("runbook_finished").getByTestId("timeline-run-link")).toHaveAttribute("href", `/runbooks/runs/${runId}`);
  await expect(page.getByTestId("recovery-actions").getByTestId("run-row")).toHaveAttribute("data-status", "succeeded");
});

test("a destructive runbook waits for a second commander: never its requester, even calling the action directly", async ({ page, browser, db, makeUser, uniqueName }) => {
  const target = uniqueName("restore");
  const launcher = await openLauncher(page, "demo-restore-chain-data");
  const preview = await review(page, launcher, { archive: "chain-data-latest.tar.gz", target });
  await expect(preview.getByTestId("destructive-warning")).toContainText("second commander's approval");
  await expect(preview.getByTestId("step-argv").nth(1).getByTestId("argv-arg")).toHaveText(["tar", "-xzf", "chain-data-latest.tar.gz", "-C", "../restore", "-C", target]);
  const runId = await confirm(page, launcher, "Request approval");

  await expect(runStatus(page)).toHaveAttribute("data-status", "awaiting_approval");
  await expect(page.getByTestId("run-approval-note")).toContainText("You requested this destructive run");
  await expect(page.getByTestId("approve-run-form")).toHaveCount(0);
  await expect(page.getByTestId("reject-run-form")).toHaveCount(0);

  const commander = await makeUser({ role: "commander" });
  const second = await signedIn(browser, commander);
  try {
    // The approval as the second commander's browser sends it, held back, then replayed with the requester's cookies.
    await second.page.goto(`/runbooks/runs/${runId}`);
    // The approver sees exactly what will run, parameters filled in, not just step names.
    const plan = second.page.getByTestId("run-preview");
    await expect(plan.getByTestId("step-argv").nth(1).getByTestId("argv-arg")).toHaveText(["tar", "-xzf", "chain-data-latest.tar.gz", "-C", "../restore", "-C", target]);
    const held = await holdBackNextAction(second.page, `**/runbooks/runs/${runId}`);
    await second.page.getByTestId("approve-run-form").getByRole("button", { name: "Approve" }).click();

    const response = await replay(page, await held.captured);
    const text = await response.text();
    expect(text).toContain("You requested this run: another commander or admin must approve it.");
    expect(text).not.toContain('"ok":true');
    const [waiting] = await db.query<{ status: string; approvedById: string | null }>(`SELECT status::text, "approvedById" FROM "RunbookRun" WHERE id = $1`, [runId]);
    expect(waiting).toEqual({ status: "awaiting_approval", approvedById: null });

    await second.page.reload();
    await submitServerAction(second.page, () => second.page.getByTestId("approve-run-form").getByRole("button", { name: "Approve" }).click());
    await expect(runStatus(second.page)).toHaveAttribute("data-status", "succeeded", WORKER);
    await expect(second.page.getByTestId("run-history")).toContainText(`by ${commander.name}`);
  } finally {
    await second.close();
  }
  // The requester's page followed along without a reload.
  await expect(runStatus(page)).toHaveAttribute("data-status", "succeeded", WORKER);
  await expect(runSteps(page)).toHaveCount(3);
  for (const step of await runSteps(page).all()) await expect(step).toHaveAttribute("data-status", "succeeded");
  await expect(runSteps(page).nth(2).getByTestId("run-output")).toContainText("genesis.json");
  const [approved] = await db.query<{ approvedById: string }>(`SELECT "approvedById" FROM "RunbookRun" WHERE id = $1`, [runId]);
  expect(approved!.approvedById).toBe(commander.id);
});

test("cancelling a running check ends its process within seconds and skips the rest", async ({ page }) => {
  // A duration of its own, so a "sleep" anything else on this machine runs is never counted.
  const seconds = String(301 + Math.floor(Math.random() * 290));
  const launcher = await openLauncher(page, "demo-long-check");
  const preview = await review(page, launcher, { seconds });
  await expect(preview.getByTestId("step-argv").first().getByTestId("argv-arg")).toHaveText(["sleep", seconds]);
  await confirm(page, launcher, "Run it");

  await expect(runStatus(page)).toHaveAttribute("data-status", "running", WORKER);
  await expect(runSteps(page).first()).toHaveAttribute("data-status", "running");
  await expect.poll(() => processesRunning(["sleep", seconds]), WORKER).toBeGreaterThan(0);

  await submitServerAction(page, () => page.getByTestId("cancel-run-form").getByRole("button", { name: "Cancel run" }).click());
  await expect(runStatus(page)).toHaveAttribute("data-status", "cancelled", { timeout: 10_000 });
  await expect(runSteps(page).first()).toHaveAttribute("data-status", "cancelled");
  await expect(runSteps(page).nth(1)).toHaveAttribute("data-status", "skipped");
  await expect.poll(() => processesRunning(["sleep", seconds]), { timeout: 10_000 }).toBe(0);
  await expect(page.getByTestId("cancel-run-form")).toHaveCount(0);
});

test("a step that outlives its timeout is stopped and the run is timed out", async ({ page, db }) => {
  const launcher = await openLauncher(page, "demo-timeout-check");
  const preview = await review(page, launcher);
  await expect(preview.getByTestId("step-limits")).toContainText("stops after 2 seconds");
  const runId = await confirm(page, launcher, "Run it");

  await expect(runStatus(page)).toHaveAttribute("data-status", "timed_out", WORKER);
  await expect(runSteps(page)).toHaveAttribute("data-status", "timed_out");
  const [step] = await db.query<{ seconds: number }>(
    `SELECT extract(epoch FROM "finishedAt" - "startedAt")::float AS seconds FROM "RunbookStep" WHERE "runId" = $1`,
    [runId],
  );
  expect(step!.seconds).toBeLessThan(10); // stopped at its limit, not after sleep's 30 s
});

test("a responder cannot launch a commander's runbook, not even by calling the action directly", async ({ page, browser, db, makeUser }) => {
  const captured = await captureLaunch(page, "demo-restore-chain-data", { target: "node-1" });
  const before = await runCount(db, "demo-restore-chain-data");
  const responder = await makeUser({ role: "responder" });
  const session = await signedIn(browser, responder);
  try {
    await session.page.goto("/runbooks/demo-restore-chain-data");
    await expect(session.page.getByTestId("launch-refused")).toContainText("Only a commander or above");
    await expect(session.page.getByTestId("run-launcher")).toHaveCount(0);

    const response = await replay(session.page, captured);
    const text = await response.text();
    expect(text).toContain("needs a commander to launch it");
    expect(text).not.toContain('"ok":true');
  } finally {
    await session.close();
  }
  expect(await runCount(db, "demo-restore-chain-data")).toBe(before);
  const [mine] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "RunbookRun" WHERE "requestedById" = $1`, [responder.id]);
  expect(mine!.n).toBe(0);

  // The control: the same request from the admin who captured it is a working launch.
  const response = await replay(page, captured);
  expect(await response.text()).toContain('"ok":true');
  expect(await runCount(db, "demo-restore-chain-data")).toBe(before + 1);
});

test("a parameter that could inject a shell command or an option is refused on its field, and nothing is created", async ({ page, db }) => {
  const before = await runCount(db, "demo-restore-chain-data");
  const launcher = await openLauncher(page, "demo-restore-chain-data");
  for (const [value, rule] of [
    ["x; rm -rf /", "must match"],
    ["--help", 'must not start with "-"'],
  ] as const) {
    await review(page, launcher, { target: value });
    await expect(launcher.getByTestId("parameters.target-error")).toContainText(rule);
    await expect(launcher.getByLabel("target", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(launcher.getByTestId("run-preview")).toHaveCount(0);
  }

  // Skipping the review and sending the launch itself with the same values is refused the same way.
  const captured = await captureLaunch(page, "demo-restore-chain-data", { target: "node-1" });
  for (const value of ["x; rm -rf /", "--help", "../../etc"]) {
    const text = await (await replay(page, withFields(captured, { "parameters.target": value }))).text();
    expect(text).toContain("parameters.target");
    expect(text).not.toContain('"ok":true');
  }
  expect(await runCount(db, "demo-restore-chain-data")).toBe(before);
});
