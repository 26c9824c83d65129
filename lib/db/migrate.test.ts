import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { migrate, migrationsDir, readMigrations } from "./migrate";

let database: string;
let url: string;
let dir: string;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: inject("postgresUrl") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function rows<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeEach(async () => {
  database = `migrate_${Math.random().toString(36).slice(2, 10)}`;
  await admin(`CREATE DATABASE ${database}`);
  const parsed = new URL(inject("postgresUrl"));
  parsed.pathname = `/${database}`;
  url = parsed.toString();
  dir = await mkdtemp(path.join(os.tmpdir(), "firebreak-migrations-"));
  await cp(migrationsDir, dir, { recursive: true });
});

afterEach(async () => {
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await rm(dir, { recursive: true, force: true });
});

async function addMigration(name: string, sql: string) {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

describe("migrate", () => {
  it("applies every migration once, with Prisma's bookkeeping", async () => {
    const migrations = await readMigrations(dir);
    const first = await migrate(url, dir);
    expect(first.applied).toEqual(migrations.map((m) => m.name));

    const recorded = await rows<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const sql = await readFile(path.join(dir, migrations[0]!.name, "migration.sql"));
    expect(recorded[0]).toMatchObject({
      migration_name: migrations[0]!.name,
      checksum: createHash("sha256").update(sql).digest("hex"),
      applied_steps_count: 1,
    });
    expect(recorded[0]!.finished_at).toBeInstanceOf(Date);

    expect((await migrate(url, dir)).applied).toEqual([]);
    expect(await rows(`SELECT 1 FROM "_prisma_migrations"`)).toHaveLength(migrations.length);
  });

  it("lets several processes start at once and migrates only once", async () => {
    const results = await Promise.all([migrate(url, dir), migrate(url, dir), migrate(url, dir)]);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, (await readMigrations(dir)).length]);
  });

  it("rolls a failing migration back whole and records nothing for it", async () => {
    await migrate(url, dir);
    await addMigration("29990101000000_broken", `CREATE TABLE "Half" (id int);\nSELECT * FROM no_such_table;`);
    await expect(migrate(url, dir)).rejects.toThrow(/Migration 29990101000000_broken failed and was rolled back/);
    expect(await rows(`SELECT 1 FROM pg_tables WHERE tablename = 'Half'`)).toHaveLength(0);
    expect(await rows(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`)).toHaveLength(0);
  });

  it("warns when an applied migration was edited or is missing", async () => {
    await addMigration("29990101000000_extra", `CREATE TABLE "Extra" (id int);`);
    await migrate(url, dir);
    await writeFile(path.join(dir, "29990101000000_extra", "migration.sql"), `CREATE TABLE "Extra" (id bigint);`);
    expect((await migrate(url, dir)).warnings).toEqual(["Migration 29990101000000_extra was changed after it was applied."]);
    await rm(path.join(dir, "29990101000000_extra"), { recursive: true });
    expect((await migrate(url, dir)).warnings[0]).toMatch(/29990101000000_extra is applied in the database but missing/);
  });

  it("refuses to go on after a migration another tool left unfinished", async () => {
    await migrate(url, dir);
    await rows(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('x', 'y', 'z_failed')`);
    await expect(migrate(url, dir)).rejects.toThrow(/z_failed failed earlier/);
  });
});
