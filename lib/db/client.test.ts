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
