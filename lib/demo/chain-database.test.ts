import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { DEMO_CHAIN_HEAD, ensureDemoChainDatabase } from "./chain-database";

const adminUrl = inject("postgresUrl");
const name = `chain_${randomBytes(6).toString("hex")}`;

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

afterAll(() => query(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

describe("ensureDemoChainDatabase", () => {
  it("creates the database with a blocks table whose rows the plan's check counts, and keeps them on a second run", async () => {
    const url = await ensureDemoChainDatabase(adminUrl, name);
    expect(new URL(url).pathname).toBe(`/${name}`);
    const [first] = await query<{ blocks: string; head: string; newest: Date }>(
      url,
      `SELECT count(*) AS blocks, max(number) AS head, max("timestamp") AS newest FROM blocks`,
    );
    expect(Number(first!.blocks)).toBe(DEMO_CHAIN_HEAD + 1);
    expect(Number(first!.head)).toBe(DEMO_CHAIN_HEAD);
    expect(Date.now() - first!.newest.getTime()).toBeLessThan(60_000);

    const blockOne = `SELECT hash, "timestamp" FROM blocks WHERE number = 1`;
    const [block] = await query<{ hash: string; timestamp: Date }>(url, blockOne);
    await query(url, "DELETE FROM blocks WHERE number = 0");
    expect(await ensureDemoChainDatabase(adminUrl, name)).toBe(url);
    const [again] = await query<{ blocks: string }>(url, "SELECT count(*) AS blocks FROM blocks");
    expect(Number(again!.blocks)).toBe(DEMO_CHAIN_HEAD + 1);
    // Rows already there are not rewritten: their timestamps would move.
    expect((await query(url, blockOne))[0]).toEqual(block);
    expect(block!.hash).toMatch(/^0x[0-9a-f]{64}$/);
  });
});
