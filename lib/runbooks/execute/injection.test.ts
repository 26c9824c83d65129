import { existsSync } from "node:fs";
import { mkdtemp, readdir, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runbookDefinitionSchema } from "../definition";
import { parametersSchema } from "../parameters";
import { resolveSteps } from "../resolve";
import { executeStep } from ".";
import { recordingContext } from "@/test/runbook-step-fixtures";

// A runbook whose parameter rule allows almost anything: what keeps these values harmless is that
// each one is passed as one argument to printf, with no shell in between.
let dir: string;
let canary: string;
beforeAll(async () => {
  dir = await realpath(await mkdtemp(path.join(os.tmpdir(), "firebreak-injection-")));
  canary = path.join(dir, "canary");
  await writeFile(canary, "still here");
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const echo = () =>
  runbookDefinitionSchema.parse({
    key: "echo-value",
    title: "Echo a value",
    timeout: "1 minute",
    parameters: { value: { type: "pattern", pattern: ".*" } },
    steps: [{ name: "Print it", command: ["printf", "%s\\n", "{{value}}"], cwd: dir }],
  });

async function printed(value: string): Promise<string> {
  const definition = echo();
  const parameters = parametersSchema(definition).parse({ value });
  const [step] = resolveSteps(definition, parameters, { dataDir: dir });
  const { context, text } = recordingContext();
  expect(await executeStep(step!, context)).toMatchObject({ status: "succeeded" });
  return text("stdout");
}

describe("parameter injection", () => {
  it.each([
    "; rm -rf DIR",
    "; touch DIR/pwned",
    "$(touch DIR/pwned)",
    "`touch DIR/pwned`",
    "| touch DIR/pwned",
    "&& touch DIR/pwned #",
    "a b   c * DIR/*",
    `'"; touch DIR/pwned; echo "'`,
  ])("passes %s as one inert argument", async (template) => {
    const value = template.replaceAll("DIR", dir);
    // Printed back exactly, on one line: not split, not expanded, not run.
    expect(await printed(value)).toBe(`${value}\n`);
    expect(await readdir(dir)).toEqual(["canary"]);
    expect(existsSync(canary)).toBe(true);
  });

  it.each([
    ["a newline", "ok\ntouch /tmp/x", "value: must not contain newlines or control characters"],
    ["a carriage return", "ok\rtouch /tmp/x", "value: must not contain newlines or control characters"],
    ["an option", "--help", 'value: must not start with "-" (it would be read as an option)'],
    ["an option cluster", "-rf", 'value: must not start with "-" (it would be read as an option)'],
    ["a path traversal", "../../etc/passwd", 'value: must not contain a ".." path segment'],
  ])("refuses %s with a named error", (_, value, message) => {
    const result = parametersSchema(echo()).safeParse({ value });
    expect(result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)).toEqual([message]);
    expect(() => resolveSteps(echo(), { value }, { dataDir: dir })).toThrow(message);
  });
});
