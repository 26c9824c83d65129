import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError, loadPlanConfig } from "./load";

const planDir = path.resolve("config");
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "firebreak-config-"));
  await cp(planDir, dir, { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).problems;
}

describe("loadPlanConfig", () => {
  it("reads the plan's own files as the plan writes them", async () => {
    const config = await loadPlanConfig(planDir);
    expect(Object.keys(config.levels)).toEqual(["critical", "high", "medium", "low"]);
    expect(config.levels.critical).toEqual({
      description: "Complete system failure or security breach",
      response_time: 900,
      notification: "All stakeholders",
    });
    expect(config.levels.low?.response_time).toBe(86_400);
    expect(config.teams.blockchain).toEqual({
      lead: "blockchain-lead@chain138.com",
      members: ["node-operator@chain138.com", "consensus-expert@chain138.com"],
    });
    expect(config.contacts.primary).toMatchObject({ name: "John Doe", role: "CTO", phone: "+12345678900" });
    expect(config.contacts.security?.role).toBeUndefined();
    expect(config.drills.full_recovery).toEqual({ frequency: "quarterly", duration: 28_800, systems: ["all"] });
  });

  it("names the file, line and column of broken YAML", async () => {
    await writeFile(path.join(dir, "response-teams.yml"), "teams:\n  blockchain:\n    lead: [unclosed\n");
    const problems = await problemsOf(loadPlanConfig(dir));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${path.join(dir, "response-teams.yml")}:\\d+:\\d+: invalid YAML: `));
  });

  it("names the file, the path inside it and the rule", async () => {
    await writeFile(
      path.join(dir, "incident-levels.yml"),
      'levels:\n  critical:\n    description: "x"\n    response_time: "soon"\n    notification: "All"\n',
    );
    await writeFile(path.join(dir, "emergency-contacts.yml"), 'contacts:\n  primary:\n    name: "A"\n    phone: "12"\n    email: "not-an-email"\n');
    const problems = await problemsOf(loadPlanConfig(dir));
    expect(problems).toContain(
      `${path.join(dir, "incident-levels.yml")}: levels.critical.response_time: must be a duration such as "15 minutes" or "2 hours"`,
    );
    expect(problems).toContain(`${path.join(dir, "emergency-contacts.yml")}: contacts.primary.email: must be an email address`);
    expect(problems.some((p) => p.includes("contacts.primary.phone: must be an international phone number"))).toBe(true);
  });

  it("reads an emergency contact's channels, both when it names none", async () => {
    await writeFile(
      path.join(dir, "emergency-contacts.yml"),
      'contacts:\n  primary:\n    name: "A"\n    phone: "+1 (234) 567.8900"\n    email: "a@b.co"\n    channels: [email]\n  secondary:\n    name: "B"\n    phone: "+12345678901"\n    email: "b@b.co"\n',
    );
    const config = await loadPlanConfig(dir);
    expect(config.contacts.primary).toMatchObject({ phone: "+12345678900", channels: ["email"] });
    expect(config.contacts.secondary?.channels).toEqual(["sms", "email"]);

    await writeFile(path.join(dir, "emergency-contacts.yml"), 'contacts:\n  primary:\n    name: "A"\n    phone: "+1 234 567 8900 12345"\n    email: "a@b.co"\n    channels: [pager]\n');
    const problems = await problemsOf(loadPlanConfig(dir));
    expect(problems).toContain(`${path.join(dir, "emergency-contacts.yml")}: contacts.primary.channels.0: must be "sms" or "email"`);
    expect(problems).toContain(
      `${path.join(dir, "emergency-contacts.yml")}: contacts.primary.phone: must be an international phone number: "+" then 8 to 15 digits, e.g. "+1-234-567-8900"`,
    );
  });

  it("refuses unknown fields rather than ignoring a typo", async () => {
    await writeFile(path.join(dir, "response-teams.yml"), 'teams:\n  ops:\n    lead: "a@b.co"\n    memebers: []\n');
    const problems = await problemsOf(loadPlanConfig(dir));
    expect(problems[0]).toContain("response-teams.yml: teams.ops: Unrecognized key");
  });

  it("reports a missing file", async () => {
    await rm(path.join(dir, "recovery-tests.yml"));
    expect(await problemsOf(loadPlanConfig(dir))).toEqual([`${path.join(dir, "recovery-tests.yml")}: file is missing or unreadable`]);
  });
});
