import { test, expect } from "./fixtures";
import { asUser, submitSignIn } from "./support/auth";

test("the health check answers without a session", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    const response = await anonymous.get("/api/health", { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(response.headers()["cache-control"]).toBe("no-store");
    // `npm start` runs a worker beside the web server, and it beats before the server answers.
    const health = await response.json();
    // The shared e2e server has no providers: both channels page into the dev outbox, and it says so.
    expect(health).toStrictEqual({ status: "ok", database: "ok", workers: expect.any(Number), channels: { sms: "outbox", email: "outbox" } });
    expect(health.workers).toBeGreaterThanOrEqual(1);
  } finally {
    await anonymous.dispose();
  }
});

test("the app shell says where pages go: here, to the dev outbox, which reaches nobody", async ({ browser, makeUser }) => {
  const viewer = await makeUser({ role: "viewer" });
  const { context, page } = await asUser(browser, viewer.email, viewer.password);
  try {
    await expect(page.getByTestId("channels").last()).toHaveText("Paging: SMS via dev outbox · email via dev outbox (the dev outbox reaches nobody)");
  } finally {
    await context.close();
  }
});

test("pages carry a Content-Security-Policy that refuses framing, and the app runs within it", async ({ browser, makeUser }) => {
  const admin = await makeUser({ role: "admin" });
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const violations: string[] = [];
  try {
    const page = await context.newPage();
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto("/signin");
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toContain("img-src 'self' data: blob:");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");

    await submitSignIn(page, admin.email, admin.password);
    await expect(page).toHaveURL((url) => url.pathname === "/");
    for (const path of ["/incidents", "/settings/users", "/account", "/runbooks"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
    expect(violations).toEqual([]);
  } finally {
    await context.close();
  }
});
