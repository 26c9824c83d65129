import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { captureAction, submitServerAction, withFields, type CapturedAction } from "./support/actions";
import { demoUser, storageStatePath, submitSignIn } from "./support/auth";
import type { TestUser } from "./support/database";

// The role check lives in the server action, not in the page: these tests call the actions
// directly, replaying the exact request an admin's browser sent, with someone else's cookies.

test.use({ storageState: storageStatePath("admin") });

const FORBIDDEN = "You do not have permission to do that.";
const UNAUTHENTICATED = "You are not signed in.";

/** As the signed-in admin, changes `user`'s role through the form and returns the request it sent. */
async function captureRoleChange(page: Page, user: TestUser, role: string): Promise<CapturedAction> {
  await page.goto("/settings/users");
  const form = page.getByTestId(`role-form-${user.email}`);
  await form.getByRole("combobox").selectOption(role);
  const { request } = await submitServerAction(page, () => form.getByRole("button", { name: "Save role" }).click());
  await expect(page.getByTestId(`role-status-${user.email}`)).toHaveText(`${user.email} is now ${role}.`);
  return captureAction(request);
}

function replay(request: APIRequestContext, action: CapturedAction) {
  return request.post(action.url, { headers: action.headers, data: action.body, maxRedirects: 0 });
}

async function viewerRequest(browser: Browser): Promise<{ request: APIRequestContext; close: () => Promise<void> }> {
  const context = await browser.newContext({ storageState: storageStatePath("viewer") });
  return { request: context.request, close: () => context.close() };
}

test("a viewer calling the change-role action directly is refused and nothing changes", async ({ page, browser, makeUser, db }) => {
  const template = await makeUser({ role: "viewer" });
  const target = await makeUser({ role: "viewer" });
  const captured = await captureRoleChange(page, template, "responder");
  expect(await db.userRole(template.id)).toBe("responder");

  const attack = withFields(captured, { userId: target.id, role: "admin" });
  expect(attack.body).toContain(target.id);
  expect(attack.body).not.toContain(template.id);

  const viewer = await viewerRequest(browser);
  try {
    const response = await replay(viewer.request, attack);
    const text = await response.text();
    expect(response.status()).toBe(200);
    expect(text).toContain(FORBIDDEN);
    expect(text).not.toContain('"ok":true');
  } finally {
    await viewer.close();
  }

  expect(await db.userRole(target.id)).toBe("viewer");
  expect(await db.countAuditEntries({ targetId: target.id })).toBe(0);
  expect(await db.countAuditEntries({ actorLabel: demoUser("viewer").email })).toBe(0);
});

test("the replayed request is a working action call when an admin sends it", async ({ page, makeUser, db }) => {
  // The control for the test above: the same replay succeeds with an admin's cookies,
  // so the viewer's refusal comes from the role check, not from a malformed request.
  const template = await makeUser({ role: "viewer" });
  const target = await makeUser({ role: "viewer" });
  const captured = await captureRoleChange(page, template, "responder");

  const response = await replay(page.request, withFields(captured, { userId: target.id, role: "commander" }));
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain(`${target.email} is now commander.`);
  expect(await db.userRole(target.id)).toBe("commander");
  expect(await db.countAuditEntries({ action: "user.role_changed", targetId: target.id })).toBe(1);
});

test("a viewer calling the create-user action directly is refused", async ({ page, browser, db, uniqueName }) => {
  await page.goto("/settings/users");
  const form = page.getByTestId("create-user-form");
  const adminEmail = `${uniqueName("e2e-created")}@example.test`;
  await form.getByLabel("Name").fill("Created by the admin");
  await form.getByLabel("Email").fill(adminEmail);
  await form.getByLabel("Initial password").fill("a-long-enough-password");
  const { request } = await submitServerAction(page, () => form.getByRole("button", { name: "Create user" }).click());
  await expect(page.getByTestId("create-user-status")).toHaveText(`Created ${adminEmail}.`);
  const captured = await captureAction(request);

  const attackEmail = `${uniqueName("e2e-intruder")}@example.test`;
  const viewer = await viewerRequest(browser);
  try {
    const response = await replay(viewer.request, withFields(captured, { email: attackEmail, role: "admin" }));
    const text = await response.text();
    expect(text).toContain(FORBIDDEN);
    expect(text).not.toContain('"ok":true');
  } finally {
    await viewer.close();
  }
  expect(await db.userByEmail(attackEmail)).toBeNull();
});

test("a viewer sees no user management", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("viewer") });
  try {
    const page = await context.newPage();
    await page.goto("/settings/users");
    await expect(page.getByTestId("empty-state")).toHaveText("Only admins manage users.");
    await expect(page.getByTestId("create-user-form")).toHaveCount(0);
    await expect(page.getByTestId("users")).toHaveCount(0);
    await expect(page.getByText(demoUser("admin").email)).toHaveCount(0);

    await page.goto("/settings");
    await expect(page.getByText("Only admins manage users. You are signed in as a viewer.")).toBeVisible();
  } finally {
    await context.close();
  }
});

test("a request without a session is turned away before the action runs", async ({ page, playwright, baseURL, makeUser, db }) => {
  const template = await makeUser({ role: "viewer" });
  const target = await makeUser({ role: "viewer" });
  const captured = await captureRoleChange(page, template, "responder");

  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    const response = await replay(anonymous, withFields(captured, { userId: target.id, role: "admin" }));
    // The proxy (proxy.ts) sends anyone without a session to sign in; the action never runs.
    expect(response.status()).toBe(307);
    expect(new URL(response.headers()["location"]!, baseURL).pathname).toBe("/signin");
    expect(await response.text()).not.toContain('"ok":true');
  } finally {
    await anonymous.dispose();
  }
  expect(await db.userRole(target.id)).toBe("viewer");
  expect(await db.countAuditEntries({ targetId: target.id })).toBe(0);
});

test("a disabled admin's still-valid cookie is refused by the action itself", async ({ page, browser, makeUser, db }) => {
  // The proxy only checks that the cookie is valid; the action re-reads the account every time.
  const template = await makeUser({ role: "viewer" });
  const target = await makeUser({ role: "viewer" });
  const captured = await captureRoleChange(page, template, "responder");

  const admin = await makeUser({ role: "admin" });
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const adminPage = await context.newPage();
    await adminPage.goto("/signin");
    await submitSignIn(adminPage, admin.email, admin.password);
    await expect(adminPage).toHaveURL((url) => url.pathname === "/");
    await db.disableUser(admin.id);

    const response = await replay(context.request, withFields(captured, { userId: target.id, role: "admin" }));
    const text = await response.text();
    expect(text).toContain(UNAUTHENTICATED);
    expect(text).not.toContain('"ok":true');
  } finally {
    await context.close();
  }
  expect(await db.userRole(target.id)).toBe("viewer");
  expect(await db.countAuditEntries({ targetId: target.id })).toBe(0);
});
