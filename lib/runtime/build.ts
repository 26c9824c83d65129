import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

// Everything that changes what `next build` produces.
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "types",
  "prisma/schema.prisma",
  "proxy.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const IGNORED = new Set(["node_modules", "generated", ".next"]);
const STAMP = ".next/firebreak-build-stamp";

async function filesUnder(entry: string): Promise<string[]> {
  if (!existsSync(entry)) return [];
  const stat = await readdir(entry, { withFileTypes: true }).catch(() => null);
  if (!stat) return [entry];
  const nested = await Promise.all(
    stat
      .filter((item) => !IGNORED.has(item.name) && !item.name.endsWith(".test.ts"))
      .map((item) => filesUnder(path.join(entry, item.name))),
  );
  return nested.flat();
}

export async function sourceFingerprint(root: string): Promise<string> {
  const hash = createHash("sha256");
  const files = (await Promise.all(BUILD_INPUTS.map((input) => filesUnder(path.join(root, input))))).flat().sort();
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update(await readFile(file));
  }
  return hash.digest("hex");
}

export async function isBuildCurrent(root: string): Promise<boolean> {
  const stamp = path.join(root, STAMP);
  if (!existsSync(path.join(root, ".next/BUILD_ID")) || !existsSync(stamp)) return false;
  return (await readFile(stamp, "utf8")).trim() === (await sourceFingerprint(root));
}

export function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? command)} ${args.slice(1).join(" ")} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

export function prismaGenerateEnvironment(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // `prisma generate` needs no schema engine, but the CLI looks for one unless told where it is.
  return { ...base, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
}

/** Regenerates the Prisma client and runs `next build` when sources changed since the last build. */
export async function ensureBuild(root: string, base: NodeJS.ProcessEnv, log: (line: string) => void): Promise<boolean> {
  if (await isBuildCurrent(root)) return false;
  log("Building Firebreak (first start, or sources changed)…");
  const node = process.execPath;
  await runCommand(node, [path.join(root, "node_modules/prisma/build/index.js"), "generate"], prismaGenerateEnvironment(base));
  await runCommand(node, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { ...base, NEXT_TELEMETRY_DISABLED: "1" });
  await writeFile(path.join(root, STAMP), `${await sourceFingerprint(root)}\n`);
  return true;
}
