import { test, expect } from "./fixtures";

test("the health check answers without a session", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    const response = await anonymous.get("/api/health", { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(await response.json()).toStrictEqual({ status: "ok", database: "ok" });
  } finally {
    await anonymous.dispose();
  }
});
