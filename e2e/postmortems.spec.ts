import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { submitServerAction } from "./support/actions";
import { asUser, demoUser, storageStatePath } from "./support/auth";
import { declareThroughForm } from "./support/declare";

test.use({ storageState: storageStatePath("admin") });

async function resolvedIncident(page: Page, title: string): Promise<string> {
  const id = await declareThroughForm(page, title, { severity: "low" });
  const resolve = page.getByTestId("resolve-form");
  await resolve.getByLabel("Resolution").fill("Restarted the relayer with the fixed nonce.");
  await submitServerAction(page, () => resolve.getByRole("button", { name: "Resolve incident" }).click());
  await expect(page.getByTestId("resolution")).toBeVisible();
  return id;
}

async function startPostmortem(page: Page): Promise<string> {
  await page.getByTestId("create-postmortem-form").getByRole("button", { name: "Write the post-mortem" }).click();
  await expect(page).toHaveURL(/\/postmortems\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}

const section = (page: Page, heading: string) => page.getByRole("textbox", { name: heading, exact: true });

test("resolve → post-mortem pre-filled → autosave → a conflicting save is refused and merged → publish → action item tracked to done", async ({
  page,
  browser,
  db,
  makeUser,
  uniqueName,
}) => {
  const title = uniqueName("Relayer nonce stuck");
  await resolvedIncident(page, title);
  const id = await startPostmortem(page);

  // Overview and timeline come from the incident's own record.
  await expect(page.getByTestId("postmortem-title")).toContainText(title);
  await expect(section(page, "Incident Overview")).toHaveValue(/- Impact: Withdrawals are failing for every user\./);
  await expect(section(page, "Timeline")).toHaveValue(/- Detection: declared by .+ at /);
  await expect(section(page, "Timeline")).toHaveValue(/- Resolution: resolved at .+: Restarted the relayer with the fixed nonce\./);
  await expect(section(page, "Timeline")).toHaveValue(/declared the incident \(low\) affecting Bridge Infrastructure/);

  // A second editor opens the same post-mortem, then loses the network while typing.
  const responder = await makeUser({ role: "responder" });
  const second = await asUser(browser, responder.email, responder.password);
  await second.page.goto(page.url());
  await expect(section(second.page, "Analysis")).toHaveValue(/What went wrong:/);
  await second.context.setOffline(true);
  const analysis = await section(page, "Analysis").inputValue();
  const theirs = analysis.replace("- What went wrong:", "- What went wrong: the nonce tracker double-counted");
  const mine = analysis.replace("- What went wrong:", "- What went wrong: alerts fired 20 minutes late");
  await section(second.page, "Analysis").fill(mine);

  // The first editor's words autosave.
  await section(page, "Analysis").fill(theirs);
  await expect(page.getByTestId("save-status")).toHaveText(/All changes saved/);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  const saved = async () =>
    (await db.query<{ body: string }>(`SELECT body FROM "PostmortemSection" WHERE "postmortemId" = $1 AND heading = 'Analysis'`, [id]))[0]!.body;
  expect(await saved()).toBe(theirs);

  // Back online, the second editor's save is refused: both versions are shown, nothing is overwritten.
  await second.context.setOffline(false);
  const conflict = second.page.getByTestId("conflict-panel");
  await expect(conflict).toBeVisible({ timeout: 20_000 });
  await expect(conflict.getByTestId("conflict-theirs")).toContainText("the nonce tracker double-counted");
  await expect(conflict.getByTestId("conflict-mine")).toContainText("alerts fired 20 minutes late");
  expect(await saved()).toBe(theirs);
  const merged = conflict.getByRole("textbox", { name: "Merged text" });
  await expect(merged).toHaveValue(/alerts fired 20 minutes late/);
  await expect(merged).toHaveValue(/the nonce tracker double-counted/);
  await conflict.getByRole("button", { name: "Save merged text" }).click();
  await expect(second.page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await expect.poll(saved).toContain("alerts fired 20 minutes late");
  expect(await saved()).toContain("the nonce tracker double-counted");
  // The first editor sees the merge arrive live.
  await expect(section(page, "Analysis")).toHaveValue(/alerts fired 20 minutes late/);
  await second.context.close();

  // History: who saved, the difference between revisions.
  await expect(page.getByTestId("revision-history").getByTestId("revision-row").first()).toBeVisible();
  await expect(page.getByTestId("revision-diff").getByTestId("diff-added").first()).toBeVisible();

  // An action item, then review and publication.
  const itemTitle = uniqueName("Alert on nonce drift");
  const add = page.getByTestId("add-action-item");
  await add.getByLabel("Title").fill(itemTitle);
  await add.getByLabel("Priority").selectOption("high");
  await add.getByLabel("Kind").selectOption("short_term_fix");
  await add.getByLabel("Due date").fill("2020-01-31");
  await submitServerAction(page, () => add.getByRole("button", { name: "Add action item" }).click());
  await expect(page.getByTestId("action-items-panel").getByTestId("action-item-row").filter({ hasText: itemTitle })).toBeVisible();

  const reviewers = page.getByTestId("reviewers-form");
  const reviewer = demoUser("admin").name;
  await reviewers.getByRole("checkbox", { name: reviewer }).check();
  await submitServerAction(page, () => reviewers.getByRole("button", { name: "Save reviewers" }).click());
  await submitServerAction(page, () => page.getByTestId("submit-review-form").getByRole("button", { name: "Send for review" }).click());
  await expect(page.getByTestId("postmortem-status")).toHaveText("In review");
  // Not published before its reviewers approve.
  await submitServerAction(page, () => page.getByTestId("publish-form").getByRole("button", { name: "Publish" }).click());
  await expect(page.getByTestId("publish-form")).toContainText(`Every reviewer approves before it is published: waiting for ${reviewer}.`);
  await submitServerAction(page, () => page.getByTestId("approve-form").getByRole("button", { name: "Approve" }).click());
  await submitServerAction(page, () => page.getByTestId("publish-form").getByRole("button", { name: "Publish" }).click());
  await expect(page.getByTestId("postmortem-status")).toHaveText("Published");
  // Published means read-only.
  await expect(page.getByTestId("section-editor")).toHaveCount(0);
  await expect(page.getByTestId("section-text").filter({ hasText: "alerts fired 20 minutes late" })).toBeVisible();

  // The export has everyone's words.
  const markdown = await page.request.get(`/api/postmortems/${id}/markdown`);
  expect(markdown.headers()["content-disposition"]).toMatch(/attachment; filename="INC-\d+-post-mortem\.md"/);
  const text = await markdown.text();
  expect(text).toContain("alerts fired 20 minutes late");
  expect(text).toContain("the nonce tracker double-counted");
  expect(text).toContain(itemTitle);

  // The open action items list has it, overdue, linked back; marking it done takes it off.
  await page.goto("/action-items");
  const row = page.getByTestId("action-item-row").filter({ hasText: itemTitle });
  await expect(row).toHaveAttribute("data-overdue", "true");
  await expect(row.getByRole("link", { name: title })).toHaveAttribute("href", `/postmortems/${id}`);
  await submitServerAction(page, async () => void (await row.getByTestId("action-item-status").selectOption("done")));
  await expect(page.getByTestId("action-item-row").filter({ hasText: itemTitle })).toHaveCount(0);
  const [item] = await db.query<{ status: string; completedAt: Date | null }>(`SELECT status, "completedAt" FROM "ActionItem" WHERE title = $1`, [itemTitle]);
  expect(item!.status).toBe("done");
  expect(item!.completedAt).not.toBeNull();
});

test("a viewer reads a post-mortem but cannot edit it, even by calling the save action directly", async ({ page, browser, db, uniqueName }) => {
  await resolvedIncident(page, uniqueName("Validator lagging"));
  const id = await startPostmortem(page);
  const saving = page.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"]));
  await section(page, "Analysis").fill("- What went well: the admin's words");
  const request = await saving;
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  const headers = await request.allHeaders();
  const body = (request.postData() ?? "").replace("the admin's words", "a viewer's words");

  const viewer = await browser.newContext({ storageState: storageStatePath("viewer") });
  try {
    const viewerPage = await viewer.newPage();
    await viewerPage.goto(`/postmortems/${id}`);
    await expect(viewerPage.getByTestId("section-text").filter({ hasText: "the admin's words" })).toBeVisible();
    await expect(viewerPage.getByTestId("section-editor")).toHaveCount(0);
    const response = await viewer.request.post(request.url(), {
      headers: { "next-action": headers["next-action"]!, "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8", accept: "text/x-component" },
      data: body,
    });
    expect(await response.text()).toContain("You do not have permission to do that.");
    const [analysis] = await db.query<{ body: string }>(`SELECT body FROM "PostmortemSection" WHERE "postmortemId" = $1 AND heading = 'Analysis'`, [id]);
    expect(analysis!.body).toBe("- What went well: the admin's words");
  } finally {
    await viewer.close();
  }
});

test("an admin's template with an unknown placeholder is refused by name and nothing is saved", async ({ page, db }) => {
  await page.goto("/settings/postmortem-template");
  const form = page.getByTestId("postmortem-template-form");
  const text = form.locator('textarea[name="text"]');
  await text.fill("## Overview\n- When: {{declaredAt}}\n- Cause: {{rootCause}}\n");
  await expect(page.getByTestId("postmortem-template-problems")).toContainText("Unknown placeholder {{rootCause}}");
  const before = await db.query(`SELECT value FROM "Setting" WHERE key = 'postmortem.template'`);
  await submitServerAction(page, () => form.getByRole("button", { name: "Save template" }).click());
  await expect(page.getByTestId("postmortem-template-form-status")).toHaveText("Some fields need attention.");
  expect(await db.query(`SELECT value FROM "Setting" WHERE key = 'postmortem.template'`)).toEqual(before);
});
