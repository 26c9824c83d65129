import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { EnvError, type Env } from "@/lib/env";

/**
 * With the embedded database (a trial on one machine) the secret is generated once and
 * kept beside the data; against an operator's own database it must be given.
 */
export async function resolveAuthSecret(env: Env, embedded: boolean): Promise<string> {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (!embedded) {
    throw new EnvError([
      "AUTH_SECRET: is required when DATABASE_URL is set; generate one with `openssl rand -hex 32` and give every web instance and worker the same value",
    ]);
  }
  const dir = path.resolve(env.DATA_DIR);
  const file = path.join(dir, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(dir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
