// `npm test`: typecheck, lint, unit and integration tests (Vitest, real PostgreSQL), a
// production build, then the browser tests (Playwright, system Chromium). Every stage runs
// even when an earlier one failed, and the last line is `N passed, N failed`.
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { childEnvironment } from "@/lib/env";
import { ensureBuild, runCommand } from "@/lib/runtime/build";

const root = process.cwd();
const results = path.join(root, ".data/test-results");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const environment = childEnvironment({ NEXT_TELEMETRY_DISABLED: "1" });

interface Tally {
  stage: string;
  passed: number;
  failed: number;
  seconds: number;
}

async function stage(name: string, work: () => Promise<{ passed: number; failed: number }>): Promise<Tally> {
  console.log(`\n━━ ${name}`);
  const started = Date.now();
  const counts = await work().catch((error: unknown) => {
    console.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return { passed: 0, failed: 1 };
  });
  return { stage: name, ...counts, seconds: (Date.now() - started) / 1000 };
}

// A check that is one test: it passes or it does not.
const check = (command: string, args: string[]) => () => runCommand(command, args, environment).then(() => ({ passed: 1, failed: 0 }));

async function readCounts(file: string, pick: (report: Record<string, unknown>) => { passed: number; failed: number }) {
  if (!existsSync(file)) return null;
  return pick(JSON.parse(await readFile(file, "utf8")));
}

// A runner that failed still wrote how many of its tests failed; that is the count to keep.
const suite = (command: string, args: string[], report: string, pick: (report: Record<string, unknown>) => { passed: number; failed: number }) => async () => {
  const outcome = await runCommand(command, args, environment).then(
    () => null,
    (error: unknown) => error,
  );
  const counts = await readCounts(report, pick);
  if (!counts) throw outcome ?? new Error(`no report at ${report}`);
  if (outcome && counts.failed === 0) counts.failed = 1;
  return counts;
};

async function main() {
  await rm(results, { recursive: true, force: true });
  await mkdir(results, { recursive: true });
  const started = Date.now();
  const tallies: Tally[] = [];

  tallies.push(await stage("typecheck", check(bin("tsc"), ["--noEmit"])));
  tallies.push(await stage("lint", check(bin("eslint"), ["."])));
  const vitestReport = path.join(results, "vitest.json");
  tallies.push(
    await stage(
      "unit and integration tests",
      suite(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`], vitestReport, (r) => ({
        passed: Number(r.numPassedTests ?? 0),
        failed: Number(r.numFailedTests ?? 0),
      })),
    ),
  );

  const built = await stage("production build", async () => {
    await ensureBuild(root, childEnvironment({}), (line) => console.log(line));
    return { passed: 0, failed: 0 };
  });
  if (built.failed > 0) {
    tallies.push(built);
  } else {
    const playwrightReport = path.join(results, "playwright.json");
    tallies.push(
      await stage(
        "browser tests",
        suite(bin("playwright"), ["test"], playwrightReport, (r) => {
          const stats = r.stats as { expected?: number; unexpected?: number; flaky?: number };
          return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0 };
        }),
      ),
    );
  }

  console.log("\n━━ summary");
  for (const tally of tallies) {
    console.log(`${tally.stage.padEnd(28)} ${String(tally.passed).padStart(4)} passed ${String(tally.failed).padStart(4)} failed  (${tally.seconds.toFixed(1)} s)`);
  }
  console.log(`total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const passed = tallies.reduce((sum, t) => sum + t.passed, 0);
  const failed = tallies.reduce((sum, t) => sum + t.failed, 0);
  const line = `${passed} passed, ${failed} failed`;
  await writeFile(path.join(results, "summary.txt"), `${line}\n`);
  console.log(line);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  console.log("0 passed, 1 failed");
  process.exit(1);
});
