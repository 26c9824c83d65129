import { execFile } from "node:child_process";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resetDatabase } from "@/test/reset-database";
import { authenticateToken } from "./authenticate";

// `npm run token` as an operator runs it (node --import tsx), against this file's test database.

const root = path.resolve(import.meta.dirname, "../..");

function tokenCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "scripts/token.ts", ...args], { cwd: root, env: { ...process.env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

beforeEach(() => resetDatabase(db));

describe("scripts/token.ts", () => {
  it("prints only the new token on stdout, a token that authenticates; list and revoke work by name", async () => {
    const created = await tokenCli("create", "--name", "backup-db", "--scope", "backups:write");
    expect(created).toMatchObject({ code: 0, stderr: expect.stringContaining('Created token "backup-db"') });
    expect(created.stdout).toMatch(/^fbk_[A-Za-z0-9_-]{43}\n$/);
    const token = created.stdout.trim();
    const authorization = new Request("http://firebreak.test/api/backups", { headers: { authorization: `Bearer ${token}` } });
    expect(await authenticateToken(db, authorization, "backups:write")).toMatchObject({ ok: true, token: { name: "backup-db" } });

    const listed = await tokenCli("list");
    expect(listed.stdout).toMatch(new RegExp(`^backup-db\\t${token.slice(0, 12)}…\\tbackups:write\\t.*\\tlive\\n$`));

    expect(await tokenCli("revoke", "--name", "backup-db")).toMatchObject({ code: 0, stdout: "" });
    expect((await db.apiToken.findFirstOrThrow({ where: { name: "backup-db" } })).revokedAt).toBeInstanceOf(Date);
  });

  it("exits 2 with the problem and the usage on bad usage, touching nothing", async () => {
    const refused = await tokenCli("create", "--name", "ci", "--scope", "everything");
    expect(refused).toMatchObject({ code: 2, stdout: "" });
    expect(refused.stderr).toContain('--scope: Unknown scope "everything"');
    expect(refused.stderr).toContain("Usage:");
    expect(await db.apiToken.count()).toBe(0);
  });
});
