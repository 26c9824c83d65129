import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { runbookDefinitionSchema } from "../definition";
import { secretRedactor } from "../redact";
import { executeStep } from ".";
import { recordingContext, sqlStep } from "@/test/runbook-step-fixtures";
import { rowsTable } from "./sql";

// The chain database is this test file's own database, with a `blocks` table.
let admin: pg.Client;
const chain = () => ({ databases: { chain: env().DATABASE_URL! } });
const blockCount = async () => Number((await admin.query<{ count: string }>("SELECT count(*) FROM blocks")).rows[0]!.count);

beforeAll(async () => {
  admin = new pg.Client({ connectionString: env().DATABASE_URL });
  await admin.connect();
  await admin.query("CREATE TABLE blocks (number bigint PRIMARY KEY, hash text NOT NULL)");
});
beforeEach(async () => {
  await admin.query("TRUNCATE blocks");
  await admin.query("INSERT INTO blocks SELECT n, md5(n::text) FROM generate_series(1, 25) AS n");
});
afterAll(() => admin.end());

const countBlocks = (min = 1) => sqlStep("SELECT count(*) AS blocks FROM blocks", { expect: { column: "blocks", min } });

describe("sql steps", () => {
  it("checks a column of the first row and prints the rows as a table", async () => {
    const { context, text } = recordingContext(chain());
    expect(await executeStep(countBlocks(), context)).toEqual({ status: "succeeded", exitCode: null, result: "blocks = 25", error: null });
    expect(text("stdout")).toBe("blocks\n------\n25\n(1 row)\n");
  });

  it("fails when the value is short of the minimum, or there are no rows", async () => {
    expect(await executeStep(countBlocks(100), recordingContext(chain()).context)).toMatchObject({ status: "failed", result: "blocks = 25", error: "blocks = 25, expected at least 100" });
    const none = sqlStep("SELECT number FROM blocks WHERE number > 1000", { expect: { column: "number", min: 1 } });
    expect(await executeStep(none, recordingContext(chain()).context)).toMatchObject({ status: "failed", error: "the query returned no rows" });
    const missing = sqlStep("SELECT 1 AS one", { expect: { column: "blocks", equals: 1 } });
    expect(await executeStep(missing, recordingContext(chain()).context)).toMatchObject({ status: "failed", error: 'column "blocks" is not in the result (columns: one)' });
  });

  it("shows the first 20 rows and says how many there were", async () => {
    const { context, text } = recordingContext(chain());
    expect(await executeStep(sqlStep("SELECT number, hash FROM blocks ORDER BY number"), context)).toMatchObject({ status: "succeeded", result: "25 rows" });
    const lines = text("stdout").trim().split("\n");
    expect(lines[0]).toBe("number | hash");
    expect(lines).toHaveLength(2 + 20 + 1);
    expect(lines.at(-1)).toBe("(first 20 of 25 rows)");
  });

  it("refuses writes: the query runs in a read-only transaction", async () => {
    for (const query of ["INSERT INTO blocks VALUES (100, 'x')", "UPDATE blocks SET hash = 'x'", "DELETE FROM blocks"]) {
      const outcome = await executeStep(sqlStep(query), recordingContext(chain()).context);
      expect(outcome).toMatchObject({ status: "failed", error: expect.stringMatching(/^query failed: cannot execute (INSERT|UPDATE|DELETE) in a read-only transaction$/) });
    }
    // A data-modifying WITH passes the definition's SELECT-or-WITH rule; the transaction still refuses it.
    const sneaky = "WITH gone AS (DELETE FROM blocks RETURNING 1) SELECT count(*) AS blocks FROM gone";
    runbookDefinitionSchema.parse({ key: "x", title: "x", timeout: "1 minute", steps: [{ name: "x", sql: { database: "chain", query: sneaky } }] });
    expect(await executeStep(sqlStep(sneaky), recordingContext(chain()).context)).toMatchObject({ status: "failed", error: expect.stringContaining("in a read-only transaction") });
    expect(await blockCount()).toBe(25);
  });

  it("times out through the statement timeout, and is cancelled through the signal", async () => {
    expect(await executeStep(sqlStep("SELECT pg_sleep(5)", { timeoutMs: 300 }), recordingContext(chain()).context)).toMatchObject({ status: "timed_out", error: "timed out after 300 ms" });
    const { context, controller } = recordingContext(chain());
    const running = executeStep(sqlStep("SELECT pg_sleep(5)"), context);
    setTimeout(() => controller.abort(), 300);
    const started = Date.now();
    expect(await running).toMatchObject({ status: "cancelled" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("fails clearly for a database that is not configured, or a query error", async () => {
    expect(await executeStep(sqlStep("SELECT 1", { database: "ledger" }), recordingContext(chain()).context)).toMatchObject({
      status: "failed",
      error: 'unknown database "ledger": RUNBOOK_DATABASES names chain',
    });
    expect(await executeStep(sqlStep("SELECT nope FROM blocks"), recordingContext(chain()).context)).toMatchObject({ status: "failed", error: 'query failed: column "nope" does not exist' });
  });

  it("redacts secrets from the rows it prints", async () => {
    const { context, text } = recordingContext({ ...chain(), redact: secretRedactor(["s3cret-token-value"]) });
    await executeStep(sqlStep("SELECT 'token=s3cret-token-value' AS leaked"), context);
    expect(text("stdout")).toContain("token=[redacted]");
    expect(text("stdout")).not.toContain("s3cret");
  });
});

describe("rowsTable", () => {
  it("aligns columns, shows NULL, flattens and shortens long cells", () => {
    expect(rowsTable(["a", "long_name"], [[null, "x\ny"], ["z".repeat(70), 1]])).toBe(
      ["a" + " ".repeat(59) + " | long_name", "-".repeat(60) + "-+-" + "-".repeat(9), "NULL" + " ".repeat(56) + " | x y", "z".repeat(59) + "… | 1", "(2 rows)", ""].join("\n"),
    );
  });
});
