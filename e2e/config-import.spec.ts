import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test, expect } from "./fixtures";
import { e2eDatabaseUrl } from "./support/database";

// `npm run config:import` against the e2e database, as an operator would run it.

const repoRoot = path.resolve(__dirname, "..");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function configImport(dir: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      "npx",
      ["tsx", "scripts/config-import.ts", dir],
      { cwd: repoRoot, env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

test.describe("config import", () => {
  test.describe.configure({ timeout: 90_000 });

  let dir: string;

  test.beforeEach(async ({ uniqueName }) => {
    dir = await mkdtemp(path.join(os.tmpdir(), `${uniqueName("firebreak-config")}-`));
    await cp(path.join(repoRoot, "config"), dir, { recursive: true });
  });

  test.afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function edit(file: string, change: (text: string) => string) {
    const where = path.join(dir, file);
    const before = await readFile(where, "utf8");
    const after = change(before);
    expect(after, `the edit to ${file} changed nothing`).not.toBe(before);
    await writeFile(where, after);
  }

  test("a rule violation names the file, the path inside it and the rule, and imports nothing", async ({ db }) => {
    const before = await db.planCounts();
    const high = await db.severityLevel("high");
    await edit("incident-levels.yml", (text) =>
      text
        .replace('response_time: "15 minutes"', 'response_time: "soon"')
        // A valid change in the same file: it must not be written either.
        .replace('"Major component failure or performance degradation"', '"Changed by an e2e test"'),
    );

    const run = await configImport(dir);
    expect(run.code).toBe(1);
    const file = path.join(dir, "incident-levels.yml");
    expect(run.stderr).toContain(`${file}: levels.critical.response_time: must be a duration such as "15 minutes" or "2 hours"`);

    expect(await db.severityLevel("critical")).toMatchObject({ responseTimeSeconds: 900 });
    expect(await db.severityLevel("high")).toEqual(high);
    expect(await db.planCounts()).toEqual(before);
  });

  test("a YAML syntax error names the file, line and column", async ({ db }) => {
    const before = await db.planCounts();
    await edit("response-teams.yml", (text) => text.replace('lead: "security-lead@chain138.com"', 'lead: "security-lead@chain138.com'));

    const run = await configImport(dir);
    expect(run.code).toBe(1);
    const file = path.join(dir, "response-teams.yml");
    expect(run.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+: invalid YAML: `));
    expect(run.stderr).not.toContain("incident-levels.yml");
    expect(await db.planCounts()).toEqual(before);
  });

  test("every problem in every file is reported in one run", async () => {
    await edit("incident-levels.yml", (text) => text.replace('response_time: "2 hours"', 'response_time: "soon"'));
    await edit("emergency-contacts.yml", (text) => text.replace('phone: "+1-234-567-8901"', 'phone: "555-0100"'));

    const run = await configImport(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${path.join(dir, "incident-levels.yml")}: levels.medium.response_time: `);
    expect(run.stderr).toContain(`${path.join(dir, "emergency-contacts.yml")}: contacts.secondary.phone: must be an international phone number`);
  });

  test("importing a valid plan twice leaves the same rows", async ({ db }) => {
    const first = await configImport(dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Imported ${dir}: 4 severity levels, 3 teams, 3 emergency contacts, 3 drill schedules, 13 runbooks.`);
    const afterFirst = await db.planCounts();
    expect(afterFirst).toEqual({ severityLevels: 4, teams: 3, contacts: 12, teamMembers: 9, drillSchedules: 3 });

    const second = await configImport(dir);
    expect(second.code).toBe(0);
    expect(await db.planCounts()).toEqual(afterFirst);
    expect(await db.severityLevel("critical")).toMatchObject({ responseTimeSeconds: 900 });
  });
});
