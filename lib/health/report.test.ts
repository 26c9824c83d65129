import { describe, expect, it } from "vitest";
import { outageFrom } from "./report";

const json = (body: unknown, status: number) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("outageFrom, as an error page reads GET /api/health", () => {
  it("blames the database when the health check says it is unreachable", async () => {
    expect(await outageFrom(json({ status: "error", database: "unreachable" }, 503))).toBe("database");
  });

  it("blames nothing outside the page when the database answers, workers or not", async () => {
    expect(await outageFrom(json({ status: "ok", database: "ok", workers: 2 }, 200))).toBeNull();
    expect(await outageFrom(json({ status: "degraded", database: "ok", workers: 0 }, 200))).toBeNull();
  });

  it("blames the server when there was no answer, or one that is not a health report", async () => {
    expect(await outageFrom(null)).toBe("server");
    expect(await outageFrom(new Response("<html>502 Bad Gateway</html>", { status: 502 }))).toBe("server");
    expect(await outageFrom(json({ status: "ok" }, 200))).toBe("server");
  });
});
