import { test, expect } from "./fixtures";
import { asUser } from "./support/auth";

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
