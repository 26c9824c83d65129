import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { resetDatabase } from "@/test/reset-database";
import { newTokenSchema } from "./schemas";
import { hashToken } from "./secret";
import { createToken, listTokens, revokeToken } from "./tokens";

const cli = { id: null, label: "cli" };

beforeEach(() => resetDatabase(db));

describe("createToken", () => {
  it("returns fbk_ and 32 random bytes once, and stores only its sha256 and first 12 characters", async () => {
    const { token, summary } = await createToken(db, { name: "backup-db", scopes: ["backups:write"] }, cli);
    expect(token).toMatch(/^fbk_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(4), "base64url")).toHaveLength(32);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: summary.id } });
    expect(stored).toMatchObject({ name: "backup-db", prefix: token.slice(0, 12), scopes: ["backups:write"], createdById: null, lastUsedAt: null, revokedAt: null });
    expect(stored.hash).toBe(hashToken(token));
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token.slice(12));
    const second = await createToken(db, { name: "other", scopes: ["alerts:write"] }, cli);
    expect(second.token).not.toBe(token);
  });

  it("audits the creation by who created it, without the secret", async () => {
    const admin = await db.user.create({ data: { email: "admin@example.test", name: "Ada", role: "admin", passwordHash: "x" } });
    const { token, summary } = await createToken(db, { name: "alerts", scopes: ["alerts:write", "metrics:read"] }, { id: admin.id, email: admin.email });
    expect(summary.createdBy).toBe("Ada (admin@example.test)");
    const entries = await db.auditEntry.findMany();
    expect(entries).toMatchObject([{ action: "token.created", actorId: admin.id, targetId: summary.id, data: { reference: "alerts", scopes: ["alerts:write", "metrics:read"] } }]);
    expect(JSON.stringify(entries.map((entry) => entry.data))).not.toContain(token.slice(12));
  });

  it("refuses a second live token of the same name with an error on the name, and writes nothing", async () => {
    await createToken(db, { name: "backup-db", scopes: ["backups:write"] }, cli);
    const refused = createToken(db, { name: "backup-db", scopes: ["alerts:write"] }, cli);
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({ fieldErrors: { name: [expect.stringContaining('"backup-db" already exists')] } });
    expect(await db.apiToken.count()).toBe(1);
    expect(await db.auditEntry.count()).toBe(1);
  });

  it("lets a name be used again once its token is revoked", async () => {
    await createToken(db, { name: "backup-db", scopes: ["backups:write"] }, cli);
    await revokeToken(db, { name: "backup-db" }, cli);
    await createToken(db, { name: "backup-db", scopes: ["backups:write"] }, cli);
    expect((await listTokens(db)).map((token) => [token.name, token.revokedAt === null])).toEqual([
      ["backup-db", true],
      ["backup-db", false],
    ]);
  });

  it("allows one of several simultaneous creations of a name", async () => {
    const results = await Promise.allSettled([1, 2, 3].map(() => createToken(db, { name: "race", scopes: ["backups:write"] }, cli)));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.apiToken.count()).toBe(1);
  });
});

describe("newTokenSchema", () => {
  it("takes scopes as checkbox values or comma lists, without repeats", () => {
    expect(newTokenSchema.parse({ name: " ci ", scopes: ["backups:write", "alerts:write,backups:write"] })).toEqual({ name: "ci", scopes: ["backups:write", "alerts:write"] });
    expect(newTokenSchema.parse({ name: "ci", scopes: "metrics:read" }).scopes).toEqual(["metrics:read"]);
  });

  it("names the field and the rule", () => {
    const errors = (input: unknown) => newTokenSchema.safeParse(input).error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(errors({ name: "", scopes: [] })).toEqual([
      ["name", "Enter a name"],
      ["scopes", "Choose at least one scope"],
    ]);
    expect(errors({ name: "x".repeat(101), scopes: ["backups:write", "root"] })).toEqual([
      ["name", "Use at most 100 characters"],
      ["scopes", 'Unknown scope "root": use backups:write, alerts:write, metrics:read'],
    ]);
  });
});

describe("revokeToken", () => {
  it("sets revokedAt once and audits once, however often it is asked", async () => {
    const { summary } = await createToken(db, { name: "backup-db", scopes: ["backups:write"] }, cli);
    const first = await revokeToken(db, { id: summary.id }, cli);
    const again = await revokeToken(db, { id: summary.id }, cli);
    const byName = await revokeToken(db, { name: "backup-db" }, cli);
    expect(first.revokedAt).toBeInstanceOf(Date);
    expect(again.revokedAt).toEqual(first.revokedAt);
    expect(byName.revokedAt).toEqual(first.revokedAt);
    expect(await db.auditEntry.findMany({ where: { action: "token.revoked" }, select: { targetId: true, data: true } })).toEqual([
      { targetId: summary.id, data: { reference: "backup-db", prefix: summary.prefix } },
    ]);
  });

  it("says when there is no such token", async () => {
    await expect(revokeToken(db, { name: "nope" }, cli)).rejects.toThrow('No token is named "nope".');
    await expect(revokeToken(db, { id: "00000000-0000-4000-8000-000000000000" }, cli)).rejects.toBeInstanceOf(DomainError);
  });
});
