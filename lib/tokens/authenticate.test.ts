import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { resetDatabase } from "@/test/reset-database";
import { authenticateToken, forgetTokens } from "./authenticate";
import { createToken, revokeToken } from "./tokens";

const cli = { id: null, label: "cli" };

const request = (authorization?: string) =>
  new Request("http://firebreak.test/api/backups", { method: "POST", headers: authorization ? { authorization } : {} });

async function refusal(authorization: string | undefined, scope: "backups:write" | "alerts:write" = "backups:write") {
  const result = await authenticateToken(db, request(authorization), scope);
  if (result.ok) throw new Error("expected a refusal");
  return { status: result.response.status, challenge: result.response.headers.get("www-authenticate"), body: await result.response.json() };
}

let token: string;
let id: string;

beforeEach(async () => {
  await resetDatabase(db);
  ({ token, summary: { id } } = await createToken(db, { name: "backup-db", scopes: ["backups:write", "metrics:read"] }, cli));
});

describe("authenticateToken", () => {
  it("answers 401 with a Bearer challenge without a header, with another scheme, or with an unknown token", async () => {
    expect(await refusal(undefined)).toEqual({ status: 401, challenge: "Bearer", body: { error: "Missing token: send Authorization: Bearer <token>." } });
    expect(await refusal(`Basic ${Buffer.from(`x:${token}`).toString("base64")}`)).toEqual({ status: 401, challenge: "Bearer", body: { error: "Authorization must be Bearer <token>." } });
    expect(await refusal("Bearer")).toMatchObject({ status: 401, challenge: "Bearer" });
    expect(await refusal(`Bearer ${token}x`)).toEqual({ status: 401, challenge: "Bearer", body: { error: "Unknown token." } });
  });

  it("refuses a revoked token with 401, at once in the process that revoked it, though it was just accepted", async () => {
    expect(await authenticateToken(db, request(`Bearer ${token}`), "backups:write")).toMatchObject({ ok: true });
    await revokeToken(db, { id }, cli);
    expect(await refusal(`Bearer ${token}`)).toEqual({ status: 401, challenge: "Bearer", body: { error: "This token has been revoked." } });
  });

  it("refuses a token revoked by another process once what this one read of it is a second old", async () => {
    expect(await authenticateToken(db, request(`Bearer ${token}`), "backups:write")).toMatchObject({ ok: true });
    // As the CLI or the Next.js process revokes it: this process is not told.
    await db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await vi.waitFor(async () => expect((await refusal(`Bearer ${token}`)).status).toBe(401), { timeout: 20_000, interval: 100 });
  });

  it("refuses a token for another purpose with 403 naming the missing scope, and does not count it as used", async () => {
    expect(await refusal(`Bearer ${token}`, "alerts:write")).toEqual({
      status: 403,
      challenge: 'Bearer error="insufficient_scope", scope="alerts:write"',
      body: { error: "This token lacks the alerts:write scope." },
    });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeNull();
  });

  it("accepts the token with the scope, in any case of the scheme, and names it", async () => {
    expect(await authenticateToken(db, request(`Bearer ${token}`), "backups:write")).toEqual({ ok: true, token: { id, name: "backup-db" } });
    expect(await authenticateToken(db, request(`bearer ${token}`), "metrics:read")).toMatchObject({ ok: true });
  });

  it("records the last use at most once a minute", async () => {
    await authenticateToken(db, request(`Bearer ${token}`), "backups:write");
    const first = (await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    expect(Date.now() - first!.getTime()).toBeLessThan(5_000);
    await authenticateToken(db, request(`Bearer ${token}`), "backups:write");
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first);

    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await db.apiToken.update({ where: { id }, data: { lastUsedAt: twoMinutesAgo } });
    // What this process remembers of the token is a second old at most; here it is dropped at once.
    forgetTokens();
    await authenticateToken(db, request(`Bearer ${token}`), "backups:write");
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt!.getTime()).toBeGreaterThan(twoMinutesAgo.getTime() + 60_000);
  });
});
