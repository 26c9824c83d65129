import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createToken } from "@/lib/tokens/tokens";
import { resetDatabase } from "@/test/reset-database";
import { recordBackupReport } from "./report";

let token: { id: string; name: string };

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

const valid = () => ({
  system: "bridge",
  kind: "database",
  location: "s3://backups/bridge/2026-11-26T0300.sql.gz",
  sizeBytes: 1_234_567,
  checksum: `sha256:${"ab".repeat(32)}`,
  startedAt: minutesAgo(10),
  finishedAt: minutesAgo(2),
  encrypted: true,
  verified: true,
});

async function fieldErrors(patch: Record<string, unknown>) {
  const result = await recordBackupReport(db, { ...valid(), ...patch }, token);
  if (result.ok) throw new Error(`accepted ${JSON.stringify(patch)}`);
  return result.fieldErrors;
}

beforeEach(async () => {
  await resetDatabase(db);
  await db.system.createMany({ data: [{ key: "bridge", name: "Bridge" }, { key: "monitoring", name: "Monitoring" }] });
  token = (await createToken(db, { name: "backup-db", scopes: ["backups:write"] }, { id: null, label: "test" })).summary;
});

describe("recordBackupReport", () => {
  it("stores the report with its token, and one audit entry naming the token", async () => {
    const input = valid();
    const result = await recordBackupReport(db, input, token);
    expect(result).toMatchObject({ ok: true, report: { system: "bridge", finishedAt: new Date(input.finishedAt) } });
    const rows = await db.backupReport.findMany({ include: { system: { select: { key: true } } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "database", status: "succeeded", sizeBytes: 1_234_567n, encrypted: true, verified: true, tokenId: token.id, system: { key: "bridge" } });
    expect(await db.auditEntry.findMany({ where: { action: "backup.reported" }, select: { actorLabel: true, targetId: true, data: true } })).toEqual([
      { actorLabel: "token:backup-db", targetId: rows[0]!.id, data: expect.objectContaining({ reference: "bridge", kind: "database", sizeBytes: "1234567" }) },
    ]);
  });

  it("accepts chain-data for chain_data, a failed status, offsets, and sizes beyond 2^53 as digits", async () => {
    const result = await recordBackupReport(
      db,
      { ...valid(), kind: "chain-data", status: "failed", sizeBytes: "9007199254740993", startedAt: "2026-01-01T04:00:00+01:00", finishedAt: "2026-01-01T03:30:00.5Z" },
      token,
    );
    expect(result.ok).toBe(true);
    expect(await db.backupReport.findFirstOrThrow()).toMatchObject({
      kind: "chain_data",
      status: "failed",
      sizeBytes: 9_007_199_254_740_993n,
      startedAt: new Date("2026-01-01T03:00:00Z"),
      finishedAt: new Date("2026-01-01T03:30:00.500Z"),
    });
  });

  it("names every missing field", async () => {
    const result = await recordBackupReport(db, {}, token);
    expect(result).toMatchObject({ ok: false, status: 400, error: "Invalid backup report" });
    expect(result.ok || result.fieldErrors).toEqual(
      Object.fromEntries(
        ["system", "kind", "location", "sizeBytes", "checksum", "startedAt", "finishedAt", "encrypted", "verified"].map((field) => [field, [`${field} is required`]]),
      ),
    );
    expect(await recordBackupReport(db, [valid()], token)).toMatchObject({ ok: false, fieldErrors: { form: ["the body must be a JSON object"] } });
  });

  it("names the field and the rule for each malformed value", async () => {
    const timeRule = "must be an ISO 8601 time with a time zone, e.g. 2026-11-26T03:00:00Z or 2026-11-26T04:00:00+01:00";
    const cases: [Record<string, unknown>, string, string][] = [
      [{ system: "  " }, "system", "system must not be empty"],
      [{ system: 7 }, "system", "system must be text"],
      [{ kind: "snapshot" }, "kind", "kind must be one of database, chain_data (or chain-data), monitoring, offsite"],
      [{ status: "ok" }, "status", "status must be succeeded or failed"],
      [{ location: "" }, "location", "location must not be empty"],
      [{ location: "x".repeat(1001) }, "location", "location must be at most 1000 characters"],
      [{ sizeBytes: -1 }, "sizeBytes", "sizeBytes must be a whole number of bytes, 0 or more"],
      [{ sizeBytes: 1.5 }, "sizeBytes", "sizeBytes must be a whole number of bytes, 0 or more"],
      [{ sizeBytes: "12 MB" }, "sizeBytes", "sizeBytes must be a whole number of bytes, 0 or more"],
      [{ sizeBytes: 2 ** 53 }, "sizeBytes", "sizeBytes above 2^53 must be sent as a string of digits"],
      [{ sizeBytes: "9999999999999999999" }, "sizeBytes", "sizeBytes is too large"],
      [{ checksum: "not hex!" }, "checksum", "checksum must be hex digits, optionally after the algorithm, e.g. sha256:9f86d08…"],
      [{ checksum: "f".repeat(201) }, "checksum", "checksum must be at most 200 characters"],
      [{ startedAt: "2026-11-26T03:00:00" }, "startedAt", `startedAt ${timeRule}`],
      [{ finishedAt: "yesterday" }, "finishedAt", `finishedAt ${timeRule}`],
      [{ startedAt: minutesAgo(1), finishedAt: minutesAgo(2) }, "finishedAt", "finishedAt must not be before startedAt"],
      [{ finishedAt: minutesAgo(-6) }, "finishedAt", "finishedAt must not be more than 5 minutes in the future (check the clock)"],
      [{ encrypted: "yes" }, "encrypted", "encrypted must be true or false"],
      [{ verified: null }, "verified", "verified must be true or false"],
    ];
    for (const [patch, field, message] of cases) expect(await fieldErrors(patch), JSON.stringify(patch)).toEqual({ [field]: [message] });
    expect(await db.backupReport.count()).toBe(0);
    // A script's clock a little ahead of the server's is not an error.
    expect(await recordBackupReport(db, { ...valid(), finishedAt: minutesAgo(-4) }, token)).toMatchObject({ ok: true });
  });

  it("refuses an unknown system with 422, listing the known ones, and writes nothing", async () => {
    expect(await recordBackupReport(db, { ...valid(), system: "bridge-eu" }, token)).toEqual({
      ok: false,
      status: 422,
      error: "Unknown system",
      fieldErrors: { system: ['system "bridge-eu" is not a known system; known systems: bridge, monitoring'] },
    });
    expect(await db.backupReport.count()).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "backup.reported" } })).toBe(0);
  });
});
