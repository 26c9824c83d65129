import AxeBuilder from "@axe-core/playwright";
import { test, expect } from "./fixtures";
import { submitServerAction } from "./support/actions";
import { asUser, submitSignIn } from "./support/auth";

// An account's life: an admin disables, enables and resets a person, and everyone changes their
// own password. Each ends the person's sessions at once, whatever their cookie says.

test("an admin disables a person, whose open session ends at once, and enables them again", async ({ browser, makeUser, db }) => {
  const admin = await makeUser({ role: "admin" });
  const person = await makeUser({ role: "responder" });
  const { context: adminContext, page: adminPage } = await asUser(browser, admin.email, admin.password);
  const { context: personContext, page: personPage } = await asUser(browser, person.email, person.password);
  try {
    await adminPage.goto("/settings/users");
    const row = adminPage.getByTestId(`access-form-${person.email}`);
    await submitServerAction(adminPage, () => row.getByRole("button", { name: `Disable ${person.email}` }).click());
    await expect(adminPage.getByTestId(`access-status-${person.email}`)).toHaveText(`${person.email} is disabled; their sessions have ended.`);
    await expect(adminPage.getByTestId(`disabled-${person.email}`)).toHaveText("Disabled");

    await personPage.goto("/teams");
    await expect(personPage).toHaveURL((url) => url.pathname === "/signin");
    await submitServerAction(personPage, () => submitSignIn(personPage, person.email, person.password));
    await expect(personPage.getByTestId("sign-in-status")).toHaveText("Wrong email or password.");

    await submitServerAction(adminPage, () => row.getByRole("button", { name: `Enable ${person.email}` }).click());
    await expect(adminPage.getByTestId(`access-status-${person.email}`)).toHaveText(`${person.email} can sign in again.`);
    await submitSignIn(personPage, person.email, person.password);
    await expect(personPage).toHaveURL((url) => url.pathname === "/");
    expect(await db.countAuditEntries({ action: "user.disabled", targetId: person.id })).toBe(1);
    expect(await db.countAuditEntries({ action: "user.enabled", targetId: person.id })).toBe(1);
  } finally {
    await adminContext.close();
    await personContext.close();
  }
});

test("an admin resets a password: a generated one shown once, the old one and the person's session over", async ({ browser, makeUser }) => {
  const admin = await makeUser({ role: "admin" });
  const person = await makeUser({ role: "viewer" });
  const { context: adminContext, page: adminPage } = await asUser(browser, admin.email, admin.password);
  const { context: personContext, page: personPage } = await asUser(browser, person.email, person.password);
  try {
    await adminPage.goto("/settings/users");
    await submitServerAction(adminPage, () => adminPage.getByRole("button", { name: `Reset password of ${person.email}` }).click());
    const status = adminPage.getByTestId(`reset-status-${person.email}`);
    await expect(status).toContainText(`New password for ${person.email}, shown only now:`);
    const generated = /shown only now: (\S+) \./.exec((await status.textContent()) ?? "")?.[1];
    expect(generated).toMatch(/^[A-Za-z0-9_-]{16}$/);

    await personPage.goto("/");
    await expect(personPage).toHaveURL((url) => url.pathname === "/signin");
    await submitServerAction(personPage, () => submitSignIn(personPage, person.email, person.password));
    await expect(personPage.getByTestId("sign-in-status")).toHaveText("Wrong email or password.");
    await submitSignIn(personPage, person.email, generated!);
    await expect(personPage).toHaveURL((url) => url.pathname === "/");
  } finally {
    await adminContext.close();
    await personContext.close();
  }
});

test("a person changes their own password: the current one required, a common one refused, then signed out everywhere", async ({ browser, makeUser, db }) => {
  const person = await makeUser({ role: "viewer" });
  const { context, page } = await asUser(browser, person.email, person.password);
  const { context: otherContext, page: otherDevice } = await asUser(browser, person.email, person.password);
  try {
    await page.getByRole("link", { name: "Your account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    const form = page.getByTestId("change-password-form");
    const status = page.getByTestId("change-password-status");

    await form.getByLabel("Current password").fill("not my password");
    await form.getByLabel("New password").fill("lantern otter quarry mosaic");
    await submitServerAction(page, () => form.getByRole("button", { name: "Change password" }).click());
    await expect(status).toHaveText("Your current password is not right.");

    await form.getByLabel("Current password").fill(person.password);
    await form.getByLabel("New password").fill("password1234");
    await submitServerAction(page, () => form.getByRole("button", { name: "Change password" }).click());
    await expect(status).toHaveText("This password is too common or easy to guess: a few unrelated words make a strong one");

    await form.getByLabel("New password").fill("lantern otter quarry mosaic");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/signin");
    await expect(page.getByTestId("password-changed")).toContainText("Your password is changed");

    // The other device's session is over too.
    await otherDevice.goto("/teams");
    await expect(otherDevice).toHaveURL((url) => url.pathname === "/signin");

    await submitServerAction(page, () => submitSignIn(page, person.email, person.password));
    await expect(page.getByTestId("sign-in-status")).toHaveText("Wrong email or password.");
    await submitSignIn(page, person.email, "lantern otter quarry mosaic");
    await expect(page).toHaveURL((url) => url.pathname === "/");
    expect(await db.countAuditEntries({ action: "user.password_changed", targetId: person.id })).toBe(1);
  } finally {
    await context.close();
    await otherContext.close();
  }
});

test("the account pages pass an accessibility check in light and dark, and fit a phone", async ({ browser, makeUser }) => {
  const admin = await makeUser({ role: "admin" });
  const { context, page } = await asUser(browser, admin.email, admin.password);
  try {
    for (const path of ["/account", "/settings/users"]) {
      await page.goto(path);
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme });
        const { violations } = await new AxeBuilder({ page }).include("main").analyze();
        expect(violations, `axe on ${path} in ${colorScheme}`).toEqual([]);
      }
      await page.setViewportSize({ width: 360, height: 740 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} at 360 px`).toBeLessThanOrEqual(360);
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  } finally {
    await context.close();
  }
});
