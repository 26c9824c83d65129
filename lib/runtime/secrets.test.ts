import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";
import { resolveAuthSecret } from "./secrets";

describe("resolveAuthSecret", () => {
  it("uses AUTH_SECRET when it is set", async () => {
    const secret = "s".repeat(40);
    expect(await resolveAuthSecret(parseEnv({ AUTH_SECRET: secret }), false)).toBe(secret);
  });

  it("stops start-up naming AUTH_SECRET when an operator's database is used without one", async () => {
    const attempt = resolveAuthSecret(parseEnv({ DATABASE_URL: "postgres://db/firebreak" }), false);
    await expect(attempt).rejects.toBeInstanceOf(EnvError);
    await expect(attempt).rejects.toThrow(/AUTH_SECRET: is required/);
  });

  it("generates a secret for the embedded default once and keeps it", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "firebreak-secret-"));
    try {
      const env = parseEnv({ DATA_DIR: dir });
      const first = await resolveAuthSecret(env, true);
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(await resolveAuthSecret(env, true)).toBe(first);
      expect((await readFile(path.join(dir, "auth-secret"), "utf8")).trim()).toBe(first);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
