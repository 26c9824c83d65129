import { test, expect } from "./fixtures";

test("the health check answers without a session", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    const response = await anonymous.get("/api/health", { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(response.headers()["cache-control"]).toBe("no-store");
    // `npm start` runs a worker beside the web server, and it beats before the server answers.
    const health = await response.json();
    expect(health).toStrictEqual({ status: "ok", database: "ok", workers: expect.any(Number) });
    expect(health.workers).toBeGreaterThanOrEqual(1);
  } finally {
    await anonymous.dispose();
  }
});
