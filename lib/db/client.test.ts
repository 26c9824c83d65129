import { expect, it } from "vitest";
import { db } from "./client";

it("lets an interactive transaction run longer than Prisma's 5 s default, as on a saturated machine", async () => {
  const result = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_sleep(5.5)`;
    return tx.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`;
  });
  expect(result).toEqual([{ ok: 1 }]);
}, 60_000);

it("has PostgreSQL end a transaction its process left idle, so its row locks do not outlive a hung process for long", async () => {
  const [setting] = await db.$queryRaw<{ idle_in_transaction_session_timeout: string }[]>`SHOW idle_in_transaction_session_timeout`;
  expect(setting?.idle_in_transaction_session_timeout).toBe("1min");
});

it("has PostgreSQL keep the application's statements parsed: a query run again reuses its named statement", async () => {
  const statements = await db.$transaction(async (tx) => {
    // One transaction is one connection: the statement is prepared once on it, then executed again.
    for (let run = 0; run < 3; run += 1) await tx.setting.findMany({ where: { key: `firebreak.prepared-check-${run}` } });
    return tx.$queryRaw<{ name: string; calls: number }[]>`
      SELECT name, (generic_plans + custom_plans)::int AS calls FROM pg_prepared_statements
       WHERE statement LIKE '%FROM "public"."Setting" WHERE%' AND statement NOT LIKE '%pg_prepared_statements%' AND name LIKE 'firebreak.q%'`;
  });
  expect(statements).toHaveLength(1);
  expect(statements[0]!.calls).toBeGreaterThanOrEqual(3);
});
