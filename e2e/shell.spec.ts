import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { submitServerAction } from "./support/actions";
import { demoUser, storageStatePath, submitSignIn } from "./support/auth";

test.use({ storageState: storageStatePath("admin") });

// The plan in config/, as the dashboard shows it.
const severityLevels = [
  { key: "critical", description: "Complete system failure or security breach", responseTime: "15 minutes", notification: "All stakeholders" },
  { key: "high", description: "Major component failure or performance degradation", responseTime: "30 minutes", notification: "Technical team and management" },
  { key: "medium", description: "Single component failure with minimal impact", responseTime: "2 hours", notification: "Technical team" },
  { key: "low", description: "Minor issues with no immediate impact", responseTime: "24 hours", notification: "System administrator" },
];

const teams = [
  { name: "Blockchain", lead: "blockchain-lead@chain138.com", members: ["consensus-expert@chain138.com", "node-operator@chain138.com"] },
  { name: "Infrastructure", lead: "infra-lead@chain138.com", members: ["devops@chain138.com", "sre@chain138.com"] },
  { name: "Security", lead: "security-lead@chain138.com", members: ["network-security@chain138.com", "security-analyst@chain138.com"] },
];

const navigation = [
  { label: "Overview", path: "/", heading: "Overview" },
  { label: "Incidents", path: "/incidents", heading: "Incidents" },
  { label: "Teams & contacts", path: "/teams", heading: "Teams & contacts" },
  { label: "Runbooks", path: "/runbooks", heading: "Runbooks" },
  { label: "Backups", path: "/backups", heading: "Backups" },
  { label: "Drills", path: "/drills", heading: "Drills" },
  { label: "Post-mortems", path: "/postmortems", heading: "Post-mortems" },
  { label: "Action items", path: "/action-items", heading: "Action items" },
  { label: "Settings", path: "/settings", heading: "Settings" },
  { label: "Dev outbox", path: "/outbox", heading: "Dev outbox" },
];

function mainNav(page: Page) {
  // Two navigations are named "Main" (phone menu and sidebar); only the visible one counts.
  return page.getByRole("navigation", { name: "Main" });
}

test("the overview shows the plan's severity levels and teams", async ({ page, db }) => {
  const [open] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Incident" WHERE status IN ('declared', 'acknowledged', 'mitigated')`);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("open-incidents")).toHaveText(String(open!.n));

  const levels = page.getByTestId("severity-levels").getByRole("listitem");
  await expect(levels).toHaveCount(severityLevels.length);
  for (const [index, level] of severityLevels.entries()) {
    const row = levels.nth(index);
    await expect(row).toContainText(level.key);
    await expect(row).toContainText(level.description);
    await expect(row.getByRole("strong")).toHaveText(level.responseTime);
    await expect(row).toContainText(level.notification);
  }

  const teamCards = page.getByTestId("teams").locator(":scope > li");
  await expect(teamCards).toHaveCount(teams.length);
  for (const [index, team] of teams.entries()) {
    const card = teamCards.nth(index);
    await expect(card.getByRole("heading", { level: 3 })).toHaveText(team.name);
    await expect(card).toContainText(`Lead: ${team.lead}`);
    await expect(card).toContainText(`${team.members.length} members`);
  }
});

test("teams & contacts lists the emergency contacts and every team member", async ({ page }) => {
  await page.goto("/teams");
  await expect(page.getByRole("heading", { level: 1, name: "Teams & contacts" })).toBeVisible();

  const contacts = page.getByTestId("emergency-contacts").getByRole("listitem");
  await expect(contacts).toHaveCount(3);
  const johnDoe = contacts.filter({ hasText: "John Doe" });
  await expect(johnDoe).toContainText("primary");
  await expect(johnDoe).toContainText("CTO");
  await expect(johnDoe).toContainText("+12345678900");
  await expect(johnDoe).toContainText("cto@chain138.com");
  await expect(contacts.filter({ hasText: "Jane Smith" })).toContainText("Head of Operations");
  await expect(contacts.filter({ hasText: "Jane Smith" })).toContainText("operations@chain138.com");
  await expect(contacts.filter({ hasText: "Security Team" })).toContainText("security@chain138.com");
  await expect(page.getByRole("link", { name: "cto@chain138.com" })).toHaveAttribute("href", "mailto:cto@chain138.com");
  await expect(page.getByRole("link", { name: "+12345678900" })).toHaveAttribute("href", "tel:+12345678900");

  const teamCards = page.getByTestId("teams").locator(":scope > li");
  await expect(teamCards).toHaveCount(teams.length);
  for (const [index, team] of teams.entries()) {
    const card = teamCards.nth(index);
    await expect(card.getByRole("heading", { level: 3 })).toHaveText(team.name);
    await expect(card.getByRole("link", { name: team.lead })).toBeVisible();
    for (const member of team.members) await expect(card.getByRole("link", { name: member })).toBeVisible();
  }
  await expect(page.getByRole("region", { name: "Critical systems" })).toContainText("Bridge Infrastructure");
});

test("every section is reachable from the navigation by keyboard", async ({ page }) => {
  // Eleven page loads and up to a few hundred key presses: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  for (const item of navigation) {
    await page.goto(item.path === "/" ? "/settings" : "/");
    const link = mainNav(page).getByRole("link", { name: item.label, exact: true });
    await expect(link).toBeVisible();
    for (let presses = 0; presses < 30 && !(await link.evaluate((element) => element === document.activeElement)); presses += 1) {
      await page.keyboard.press("Tab");
    }
    await expect(link).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL((url) => url.pathname === item.path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(item.heading);
    await expect(link).toHaveAttribute("aria-current", "page");
  }
});

test("drills shows the plan's three recovery test schedules", async ({ page }) => {
  await page.goto("/drills");
  const rows = page.getByTestId("drill-schedules").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  // Longest first; innerText, because the frequency is capitalised by CSS. The demo recorded the
  // weekly drill 3 days ago and the monthly one 20 days ago, and never the quarterly one.
  const options = { useInnerText: true };
  await expect(rows.nth(0).getByRole("cell")).toHaveText(["full recovery", "Quarterly", "8 hours", "all", "never", /^Overdue/], options);
  await expect(rows.nth(1).getByRole("cell")).toHaveText(["component recovery", "Monthly", "4 hours", "node, database, monitoring", /partial/, /^Due in \d+ days/], options);
  await expect(rows.nth(2).getByRole("cell")).toHaveText(["backup verification", "Weekly", "2 hours", "backups", /passed/, /^Due in 4 days/], options);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  async function expectNoHorizontalOverflow(page: Page) {
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, `${page.url()} is wider than the screen`).toBeLessThanOrEqual(390);
  }

  test("the Menu disclosure opens the navigation, which works", async ({ page }) => {
    await page.goto("/");
    const drills = mainNav(page).getByRole("link", { name: "Drills", exact: true });
    await expect(drills).toBeHidden();
    await expectNoHorizontalOverflow(page);

    await page.getByText("Menu", { exact: true }).click();
    await expect(drills).toBeVisible();
    await expect(mainNav(page).getByTestId("current-role")).toHaveText("admin");
    await drills.click();
    await expect(page).toHaveURL((url) => url.pathname === "/drills");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Drills");
    await expectNoHorizontalOverflow(page);
  });

  test("no page is wider than the screen", async ({ page }) => {
    for (const path of ["/", "/incidents", "/teams", "/runbooks", "/drills", "/settings", "/settings/users"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoHorizontalOverflow(page);
    }
  });
});

test.describe("user management", () => {
  test("an admin creates a user who can then sign in", async ({ page, browser, db, uniqueName }) => {
    const email = `${uniqueName("e2e-new")}@example.test`;
    const password = "correct-horse-battery";
    await page.goto("/settings/users");
    const form = page.getByTestId("create-user-form");
    await form.getByLabel("Name").fill("New Responder");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Role").selectOption("responder");
    await form.getByLabel("Initial password").fill(password);
    await form.getByRole("button", { name: "Create user" }).click();

    await expect(page.getByTestId("create-user-status")).toHaveText(`Created ${email}.`);
    await expect(page.getByTestId("users")).toContainText(email);
    const created = await db.userByEmail(email);
    expect(created).toMatchObject({ name: "New Responder", role: "responder" });
    expect(await db.countAuditEntries({ action: "user.created", targetId: created!.id })).toBe(1);

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    try {
      const newcomer = await context.newPage();
      await newcomer.goto("/signin");
      await submitSignIn(newcomer, email, password);
      await expect(newcomer).toHaveURL((url) => url.pathname === "/");
      await expect(newcomer.getByRole("complementary").getByTestId("current-user")).toHaveText("New Responder");
      await expect(newcomer.getByRole("complementary").getByTestId("current-role")).toHaveText("responder");
    } finally {
      await context.close();
    }
  });

  test("an admin changes a user's role, which is audited", async ({ page, db, makeUser }) => {
    const user = await makeUser({ role: "viewer" });
    await page.goto("/settings/users");
    const form = page.getByTestId(`role-form-${user.email}`);
    await expect(form.getByRole("combobox")).toHaveValue("viewer");
    await form.getByRole("combobox").selectOption("commander");
    await form.getByRole("button", { name: "Save role" }).click();

    await expect(page.getByTestId(`role-status-${user.email}`)).toHaveText(`${user.email} is now commander.`);
    expect(await db.userRole(user.id)).toBe("commander");
    expect(await db.auditEntries(user.id)).toEqual([
      {
        action: "user.role_changed",
        actorLabel: demoUser("admin").email,
        data: { email: user.email, from: "viewer", to: "commander" },
      },
    ]);

    await page.reload();
    await expect(page.getByTestId(`role-form-${user.email}`).getByRole("combobox")).toHaveValue("commander");
  });

  test("a duplicate email is refused on the email field", async ({ page, db, makeUser }) => {
    const existing = await makeUser({ role: "viewer" });
    await page.goto("/settings/users");
    const form = page.getByTestId("create-user-form");
    await form.getByLabel("Name").fill("Someone Else");
    await form.getByLabel("Email").fill(existing.email.toUpperCase());
    await form.getByLabel("Initial password").fill("a-long-enough-password");
    await submitServerAction(page, () => form.getByRole("button", { name: "Create user" }).click());

    const message = `A user with the email ${existing.email} already exists.`;
    await expect(form.getByTestId("email-error")).toHaveText(message);
    await expect(form.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("create-user-status")).toHaveText(message);
    expect(await db.userByEmail(existing.email)).toMatchObject({ id: existing.id, name: existing.name });
    expect(await db.countAuditEntries({ action: "user.created", targetId: existing.id })).toBe(0);
  });

  test("a too-short password is refused on the password field and creates nothing", async ({ page, db, uniqueName }) => {
    const email = `${uniqueName("e2e-short")}@example.test`;
    await page.goto("/settings/users");
    const form = page.getByTestId("create-user-form");
    await form.getByLabel("Name").fill("Short Password");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Initial password").fill("short");
    await submitServerAction(page, () => form.getByRole("button", { name: "Create user" }).click());

    await expect(form.getByTestId("password-error")).toHaveText("Use at least 12 characters");
    await expect(page.getByTestId("create-user-status")).toHaveText("Some fields need attention.");
    await expect(form.getByTestId("email-error")).toHaveCount(0);
    expect(await db.userByEmail(email)).toBeNull();
    await expect(page.getByTestId("users")).not.toContainText(email);
  });

  test("after saving a role, the role selector shows the new role", async ({ page, db, makeUser }) => {
    const user = await makeUser({ role: "viewer" });
    await page.goto("/settings/users");
    const form = page.getByTestId(`role-form-${user.email}`);
    await form.getByRole("combobox").selectOption("commander");
    await submitServerAction(page, () => form.getByRole("button", { name: "Save role" }).click());
    await expect(page.getByTestId(`role-status-${user.email}`)).toHaveText(`${user.email} is now commander.`);
    expect(await db.userRole(user.id)).toBe("commander");
    await expect(form.getByRole("combobox")).toHaveValue("commander", { timeout: 2_000 });
  });

  test("a refused new user keeps what the admin typed", async ({ page, uniqueName }) => {
    const email = `${uniqueName("e2e-kept")}@example.test`;
    await page.goto("/settings/users");
    const form = page.getByTestId("create-user-form");
    await form.getByLabel("Name").fill("Kept Name");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Role").selectOption("commander");
    await form.getByLabel("Initial password").fill("short");
    await submitServerAction(page, () => form.getByRole("button", { name: "Create user" }).click());
    await expect(form.getByTestId("password-error")).toHaveText("Use at least 12 characters");
    await expect(form.getByLabel("Name")).toHaveValue("Kept Name", { timeout: 2_000 });
    await expect(form.getByLabel("Email")).toHaveValue(email, { timeout: 2_000 });
    await expect(form.getByLabel("Role")).toHaveValue("commander", { timeout: 2_000 });
  });
});
