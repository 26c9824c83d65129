import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { createToken, revokeToken } from "@/lib/tokens/tokens";
import { freshIncidentWorld, type IncidentWorld } from "@/test/incident-fixtures";
import { parseExposition } from "./parse-exposition";

const METRICS_TOKEN = "prometheus-scrape-secret-0123456789";

let world: IncidentWorld;
beforeAll(async () => {
  world = await freshIncidentWorld(db);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** The route handler as a server started with this METRICS_TOKEN (unset: none) would have it. */
async function scrape(configured: string | undefined, authorization?: string): Promise<Response> {
  vi.stubEnv("METRICS_TOKEN", configured ?? "");
  // lib/env reads the environment once per process: a fresh module graph is a fresh start.
  vi.resetModules();
  const { GET } = await import("@/app/api/metrics/route");
  const headers = authorization === undefined ? undefined : { authorization };
  return GET(new Request("http://localhost:3000/api/metrics", { headers }));
}

const apiToken = async (name: string, scopes: ("metrics:read" | "backups:write")[]) =>
  (await createToken(db, { name, scopes }, { id: world.users.admin.id, email: world.users.admin.email })).token;

describe("GET /api/metrics", () => {
  it("without METRICS_TOKEN: open, Prometheus text format with the plan's metrics", async () => {
    const response = await scrape(undefined);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const families = parseExposition(await response.text());
    for (const name of ["recovery_time_seconds", "data_loss_seconds", "recovery_success_total", "firebreak_open_incidents"]) {
      expect(families.has(name), name).toBe(true);
    }
    expect(families.get("firebreak_open_incidents")!.samples.map((sample) => sample.labels.severity)).toEqual(["critical", "high", "medium", "low"]);
  });

  it("with METRICS_TOKEN: 401 with a Bearer challenge without a token or with a wrong one", async () => {
    for (const authorization of [undefined, "Bearer not-the-metrics-token", `Basic ${btoa(`prometheus:${METRICS_TOKEN}`)}`, METRICS_TOKEN]) {
      const response = await scrape(METRICS_TOKEN, authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await response.text()).not.toContain("recovery_time_seconds");
    }
  });

  it("with METRICS_TOKEN: answers its bearer", async () => {
    const response = await scrape(METRICS_TOKEN, `Bearer ${METRICS_TOKEN}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("# TYPE recovery_success_total counter");
  });

  it("with METRICS_TOKEN: answers an API token with metrics:read, refuses one without it or revoked", async () => {
    const reader = await apiToken("prometheus", ["metrics:read"]);
    expect((await scrape(METRICS_TOKEN, `Bearer ${reader}`)).status).toBe(200);

    const backups = await apiToken("backup-script", ["backups:write"]);
    expect((await scrape(METRICS_TOKEN, `Bearer ${backups}`)).status).toBe(403);

    await revokeToken(db, { name: "prometheus" }, { id: world.users.admin.id, email: world.users.admin.email });
    expect((await scrape(METRICS_TOKEN, `Bearer ${reader}`)).status).toBe(401);
  });

  it("without METRICS_TOKEN but with a live metrics:read token: closed to all but token holders, open again once it is revoked", async () => {
    const reader = await apiToken("prometheus-2", ["metrics:read"]);
    expect((await scrape(undefined)).status).toBe(401);
    expect((await scrape(undefined, `Bearer ${reader}`)).status).toBe(200);

    await revokeToken(db, { name: "prometheus-2" }, { id: world.users.admin.id, email: world.users.admin.email });
    expect((await scrape(undefined)).status).toBe(200);
  });
});
