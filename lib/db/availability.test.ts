import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { freePort } from "@/test/free-port";
import { isDatabaseUnavailable, OutageReporter, untilDatabaseAnswers } from "./availability";

describe("isDatabaseUnavailable", () => {
  it("knows a server that is not there, through Prisma", async () => {
    const nowhere = createPrismaClient(`postgresql://postgres:x@127.0.0.1:${await freePort()}/firebreak`);
    try {
      const error = await nowhere.$queryRaw`SELECT 1`.catch((caught: unknown) => caught);
      expect(isDatabaseUnavailable(error)).toBe(true);
      const modelError = await nowhere.user.count().catch((caught: unknown) => caught);
      expect(isDatabaseUnavailable(modelError)).toBe(true);
    } finally {
      await nowhere.$disconnect();
    }
  });

  it("knows a server shutting down or restarting, and nothing else", () => {
    expect(isDatabaseUnavailable({ code: "57P01", message: "terminating connection due to administrator command" })).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable({ code: "23505", message: "duplicate key value violates unique constraint" })).toBe(false);
    expect(isDatabaseUnavailable(new Error("Twilio 21211: invalid number"))).toBe(false);
  });
});

describe("OutageReporter", () => {
  it("says so once every few seconds, then once when the database is back", () => {
    let now = 0;
    const lines: string[] = [];
    const reporter = new OutageReporter((line) => lines.push(line), 5_000, () => now);
    for (now = 0; now <= 12_000; now += 500) reporter.failed(new Error("connect ECONNREFUSED 127.0.0.1:5432"));
    expect(lines).toEqual([
      "PostgreSQL unreachable (connect ECONNREFUSED 127.0.0.1:5432); retrying",
      "PostgreSQL unreachable for 5 s (connect ECONNREFUSED 127.0.0.1:5432); retrying",
      "PostgreSQL unreachable for 10 s (connect ECONNREFUSED 127.0.0.1:5432); retrying",
    ]);
    // A connection that outlived the others answering at once is not the database's return.
    reporter.recovered();
    expect(reporter.down).toBe(true);
    now += 2_000;
    reporter.recovered();
    expect(lines.at(-1)).toBe("PostgreSQL answers again after 14.5 s");
    expect(reporter.down).toBe(false);
  });
});

describe("untilDatabaseAnswers", () => {
  it("retries while the database is away and throws anything else at once", async () => {
    const reporter = new OutageReporter(() => undefined);
    let calls = 0;
    const value = await untilDatabaseAnswers(async () => {
      calls += 1;
      if (calls < 3) throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
      return "written";
    }, { reporter });
    expect([value, calls]).toEqual(["written", 3]);
    await expect(untilDatabaseAnswers(async () => Promise.reject(new Error("check constraint")), { reporter })).rejects.toThrow("check constraint");
  });
});
