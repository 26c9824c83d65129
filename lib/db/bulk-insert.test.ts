import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { freshIncidentWorld } from "@/test/incident-fixtures";
import { bulkInsert, bulkInsertReturning } from "./bulk-insert";

beforeEach(async () => {
  await freshIncidentWorld(db);
});

interface AuditRow {
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

const columns = { actorId: "uuid", actorLabel: "text", action: "text", targetType: "text", targetId: "text", data: "jsonb", createdAt: "timestamp(3)" } as const;
const row = (action: string, createdAt: Date, data: Record<string, unknown> = {}): AuditRow => ({
  actorId: null,
  actorLabel: "system",
  action,
  targetType: "test",
  targetId: action,
  data,
  createdAt,
});

describe("bulk inserts", () => {
  it("writes rows as Prisma reads them: JSON kept, timestamps in UTC whatever the session's zone, order kept", async () => {
    const at = new Date("2026-03-29T00:59:59.123Z");
    const insert = bulkInsert<AuditRow>({ table: "AuditEntry", columns });
    await db.$transaction(async (tx) => {
      // Any conversion through the session's zone would move these by hours.
      await tx.$executeRawUnsafe("SET LOCAL TIME ZONE 'America/New_York'");
      await insert(tx, [row("first", at, { quote: `it's "odd" \\ ok`, nested: { n: 1 } }), row("second", new Date(at.getTime() + 1000))]);
    });
    const written = await db.auditEntry.findMany({ where: { targetType: "test" }, orderBy: { id: "asc" } });
    expect(written.map((entry) => [entry.action, entry.createdAt.toISOString(), entry.data])).toEqual([
      ["first", "2026-03-29T00:59:59.123Z", { quote: `it's "odd" \\ ok`, nested: { n: 1 } }],
      ["second", "2026-03-29T01:00:00.123Z", {}],
    ]);
  });

  it("skips duplicates when asked and returns only the rows it wrote; nothing at all for no rows", async () => {
    await db.setting.create({ data: { key: "taken", value: 1 } });
    const insert = bulkInsertReturning<{ key: string; value: unknown; updatedAt: Date }, "key">(
      { table: "Setting", columns: { key: "text", value: "jsonb", updatedAt: "timestamp(3)" }, skipDuplicates: true },
      ["key"],
    );
    const updatedAt = new Date();
    const returned = await db.$transaction((tx) => insert(tx, [{ key: "taken", value: 2, updatedAt }, { key: "free", value: 3, updatedAt }]));
    expect(returned).toEqual([{ key: "free" }]);
    expect(await db.setting.findUnique({ where: { key: "taken" } })).toMatchObject({ value: 1 });
    expect(await db.$transaction((tx) => insert(tx, []))).toEqual([]);
  });
});
