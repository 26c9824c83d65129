import { test, expect } from "./fixtures";
import { demoUser, signInThroughForm, storageStatePath } from "./support/auth";

// The audit log: admins read who did what, when, to what; nobody else reads it at all.

test.describe("an admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("sees a role change in the audit log, newest first, and filters it through the URL", async ({ page, makeUser }) => {
    const user = await makeUser({ role: "viewer" });
    await page.goto("/settings/users");
    const form = page.getByTestId(`role-form-${user.email}`);
    await form.getByRole("combobox").selectOption("responder");
    await form.getByRole("button", { name: "Save role" }).click();
    await expect(page.getByTestId(`role-status-${user.email}`)).toHaveText(`${user.email} is now responder.`);

    await page.goto("/settings");
    await page.getByRole("link", { name: "Who did what, when, to what" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/settings/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();

    const filters = page.getByTestId("audit-filters");
    await filters.getByLabel("Action starts with").fill("user.role");
    await filters.getByLabel("Actor").fill(demoUser("admin").email);
    await filters.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get("action") === "user.role" && url.searchParams.get("actor") === demoUser("admin").email);

    const entries = page.getByTestId("audit-entry");
    const newest = entries.first();
    await expect(newest.getByTestId("audit-action")).toHaveText("user.role_changed");
    await expect(newest.getByTestId("audit-actor")).toHaveText(demoUser("admin").email);
    await expect(newest).toContainText(`user ${user.email}`);
    await expect(newest.getByTestId("audit-details")).toHaveText(/from: viewer/);
    await expect(newest.getByTestId("audit-details")).toHaveText(/to: responder/);
    for (const action of await entries.getByTestId("audit-action").allTextContents()) expect(action).toMatch(/^user\.role/);

    await page.goto("/settings/audit?action=settings.nothing-like-this");
    await expect(page.getByTestId("empty-state")).toHaveText(/No audit entries match these filters\./);
  });

  test("links an incident's entry to the incident", async ({ page, db, uniqueName }) => {
    const [incident] = await db.query<{ id: string; number: number }>(`SELECT id, number FROM "Incident" WHERE "isDemo" ORDER BY number LIMIT 1`);
    expect(incident, "the e2e server seeds the demo history").toBeDefined();
    // Arranged directly: the entry an incident change writes, by an actor unique to this test.
    const actor = `${uniqueName("e2e-audit")}@example.test`;
    await db.query(
      `INSERT INTO "AuditEntry" ("actorLabel", action, "targetType", "targetId", data) VALUES ($1, 'incident.note', 'incident', $2, $3)`,
      [actor, incident!.id, { reference: `INC-${incident!.number}` }],
    );
    await page.goto(`/settings/audit?actor=${encodeURIComponent(actor)}`);
    const entry = page.getByTestId("audit-entry");
    await expect(entry).toHaveCount(1);
    await expect(entry.getByRole("link", { name: `INC-${incident!.number}` })).toHaveAttribute("href", `/incidents/${incident!.id}`);
  });
});

test.describe("anyone else", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("a viewer is refused and sees no entry", async ({ page }) => {
    await page.goto("/settings/audit?action=user.");
    await expect(page.getByTestId("empty-state")).toHaveText("Only admins can read the audit log.");
    await expect(page.getByTestId("audit-entry")).toHaveCount(0);
    await expect(page.getByTestId("audit-filters")).toHaveCount(0);
  });

  test("a commander is refused too", async ({ browser, makeUser }) => {
    const commander = await makeUser({ role: "commander" });
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    try {
      const page = await context.newPage();
      await signInThroughForm(page, commander.email, commander.password);
      await page.goto("/settings/audit");
      await expect(page.getByTestId("empty-state")).toHaveText("Only admins can read the audit log.");
      await expect(page.getByTestId("audit-entry")).toHaveCount(0);
    } finally {
      await context.close();
    }
  });
});
