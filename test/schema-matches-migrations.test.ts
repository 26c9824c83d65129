import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { diffDatamodels } from "@/lib/db/schema-diff";
import { env } from "@/lib/env";

// The database the migrations build must be the database schema.prisma describes.

const schemaFile = path.resolve("prisma/schema.prisma");
const snapshotFile = path.resolve("prisma/migrations/schema.snapshot.prisma");
const fromSchemaDb = `schema_only_${process.pid}`;

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function urlOf(database: string): string {
  const url = new URL(inject("postgresUrl"));
  url.pathname = `/${database}`;
  return url.toString();
}

// Everything Prisma can express: tables, columns, types, defaults, constraints, indexes, enums.
async function catalog(url: string) {
  return withClient(url, async (client) => {
    const query = async (sql: string) => (await client.query(sql)).rows;
    return {
      columns: await query(`
        SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        ORDER BY table_name, column_name`),
      constraints: await query(`
        SELECT rel.relname AS table_name, con.conname, pg_get_constraintdef(con.oid) AS definition
        FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
        JOIN pg_namespace ns ON ns.oid = rel.relnamespace
        WHERE ns.nspname = 'public' AND rel.relname <> '_prisma_migrations'
        ORDER BY 1, 2`),
      indexes: await query(`
        SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
        ORDER BY 1, 2`),
      enums: await query(`
        SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        JOIN pg_namespace ns ON ns.oid = t.typnamespace
        WHERE ns.nspname = 'public' GROUP BY t.typname ORDER BY 1`),
    };
  });
}

afterAll(() => withClient(inject("postgresUrl"), (client) => client.query(`DROP DATABASE IF EXISTS ${fromSchemaDb} WITH (FORCE)`)));

describe("schema.prisma and prisma/migrations", () => {
  it("build the same database", async () => {
    const schema = await readFile(schemaFile, "utf8");
    await withClient(inject("postgresUrl"), (client) => client.query(`CREATE DATABASE ${fromSchemaDb}`));
    await withClient(urlOf(fromSchemaDb), async (client) => client.query(await diffDatamodels(null, schema)));

    const fromMigrations = await catalog(env().DATABASE_URL!);
    const fromSchema = await catalog(urlOf(fromSchemaDb));
    expect(fromMigrations.columns.length).toBeGreaterThan(0);
    expect(fromMigrations, "the migrations disagree with schema.prisma: run `npm run db:migration -- <name>`").toEqual(fromSchema);
  });

  it("leave nothing for the next migration to pick up by mistake", async () => {
    const [schema, snapshot] = await Promise.all([readFile(schemaFile, "utf8"), readFile(snapshotFile, "utf8")]);
    expect(await diffDatamodels(snapshot, schema), "schema.prisma changed since the last migration: run `npm run db:migration -- <name>`").toBe("");
  });
});
