import { afterAll, beforeAll, expect, it } from "vitest";
import { OutageReporter } from "@/lib/db/availability";
import { startRestartablePostgres, type RestartablePostgres } from "@/test/restartable-postgres";
import { PatientPool } from "./patient-pool";

let postgres: RestartablePostgres;
beforeAll(async () => {
  postgres = await startRestartablePostgres();
}, 120_000);
afterAll(() => postgres?.destroy());

it("waits for a database that is away instead of failing, says so, and fails at once once told to stop waiting", async () => {
  const lines: string[] = [];
  const pool = new PatientPool({ connectionString: postgres.url }, new OutageReporter((line) => lines.push(line)));
  try {
    await postgres.stop();
    let answered = false;
    const query = pool.query<{ ok: number }>("SELECT 1 AS ok").then((result) => {
      answered = true;
      return result.rows;
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(answered).toBe(false);
    await postgres.start();
    expect(await query).toEqual([{ ok: 1 }]);
    expect(lines[0]).toMatch(/^PostgreSQL unreachable/);

    await postgres.stop();
    pool.stopWaiting();
    await expect(pool.query("SELECT 1")).rejects.toThrow();
  } finally {
    await postgres.start();
    await pool.end();
  }
}, 120_000);

it("reports a statement whose connection dropped under it as one to retry on a fresh connection, as graphile-worker does for 57P03", async () => {
  const pool = new PatientPool({ connectionString: postgres.url }, new OutageReporter(() => undefined));
  try {
    const client = await pool.connect();
    // Held between statements, it hears of its end as an event too.
    client.on("error", () => undefined);
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    await pool.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
    const failure = await client.query("SELECT 1").then(() => null, (error: unknown) => error);
    client.release(true);
    expect(failure).toMatchObject({ code: "57P03" });
    // Any other failure is left as it was.
    await expect(pool.query("SELECT * FROM no_such_table")).rejects.toMatchObject({ code: "42P01" });
  } finally {
    await pool.end();
  }
}, 60_000);
