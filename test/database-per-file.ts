import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

const adminUrl = inject("postgresUrl");
const name = `test_${randomBytes(6).toString("hex")}`;

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

await admin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${inject("templateDatabase")}`));

const url = new URL(adminUrl);
url.pathname = `/${name}`;
// The database singleton and the env module read this when the test file first uses them.
process.env.DATABASE_URL = url.toString();

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
});
