import { describe, expect, it } from "vitest";
import { runbookDefinitionSchema } from "./definition";
import { parametersSchema, refuseUnsafe } from "./parameters";

const definition = runbookDefinitionSchema.parse({
  key: "verify-chain-backup",
  title: "Verify",
  timeout: "10 minutes",
  parameters: {
    archive: { type: "enum", values: ["chain-data-latest.tar.gz", "chain-data-previous.tar.gz"] },
    target_dir: { type: "pattern", pattern: "[a-z0-9][a-z0-9/_.-]{0,120}" },
    note: { type: "pattern", pattern: ".*", default: "none" },
    peers: { type: "integer", min: 1, max: 50, default: 3 },
  },
  steps: [{ name: "List", command: ["tar", "-tzf", "{{archive}}"] }],
});
const schema = parametersSchema(definition);

function problems(input: Record<string, unknown>): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

const valid = { archive: "chain-data-latest.tar.gz", target_dir: "restore/today" };

describe("parametersSchema", () => {
  it("takes form strings: integers coerced, blanks and missing values get the defaults", () => {
    expect(schema.parse({ ...valid, peers: "12", note: "" })).toEqual({ ...valid, note: "none", peers: 12 });
    expect(schema.parse(valid)).toEqual({ ...valid, note: "none", peers: 3 });
    // Values already validated (stored with a run) pass again unchanged.
    expect(schema.parse({ ...valid, note: "x", peers: 7 })).toEqual({ ...valid, note: "x", peers: 7 });
  });

  it("names the parameter and the rule it breaks", () => {
    expect(problems({})).toEqual(["archive: is required", "target_dir: is required"]);
    expect(problems({ ...valid, archive: "other.tar.gz" })).toEqual(["archive: must be one of chain-data-latest.tar.gz, chain-data-previous.tar.gz"]);
    expect(problems({ ...valid, target_dir: "Restore" })).toEqual(["target_dir: must match [a-z0-9][a-z0-9/_.-]{0,120}"]);
    expect(problems({ ...valid, peers: "0" })).toEqual(["peers: must be at least 1"]);
    expect(problems({ ...valid, peers: "51" })).toEqual(["peers: must be at most 50"]);
    for (const peers of ["2.5", "3abc", "0x10", "ten"]) expect(problems({ ...valid, peers })).toEqual(["peers: must be a whole number"]);
  });

  it("refuses parameters the runbook does not have", () => {
    expect(problems({ ...valid, command: "rm" })).toEqual(["command: is not a parameter of this runbook"]);
  });

  it("anchors a pattern: a match inside a longer value is not enough", () => {
    expect(problems({ ...valid, target_dir: "ok; rm -rf /" })).toEqual(["target_dir: must match [a-z0-9][a-z0-9/_.-]{0,120}"]);
  });

  it("refuses newline, option and path-traversal injections even where the pattern would allow them", () => {
    expect(problems({ ...valid, note: "--help" })).toEqual(['note: must not start with "-" (it would be read as an option)']);
    expect(problems({ ...valid, note: "-rf" })).toEqual(['note: must not start with "-" (it would be read as an option)']);
    expect(problems({ ...valid, target_dir: "-rf" })).toEqual(['target_dir: must not start with "-" (it would be read as an option)']);
    expect(problems({ ...valid, note: "ok\ntouch /tmp/x" })).toEqual(["note: must not contain newlines or control characters"]);
    expect(problems({ ...valid, note: "ok\rx" })).toEqual(["note: must not contain newlines or control characters"]);
    expect(problems({ ...valid, note: "ok\u0000x" })).toEqual(["note: must not contain newlines or control characters"]);
    expect(problems({ ...valid, target_dir: "../../etc" })).toEqual(['target_dir: must not contain a ".." path segment']);
    expect(problems({ ...valid, target_dir: "backups/../../etc" })).toEqual(['target_dir: must not contain a ".." path segment']);
  });
});

describe("refuseUnsafe", () => {
  it("passes ordinary values, including ones a shell would interpret (no shell ever sees them)", () => {
    for (const value of ["chain-data.tar.gz", "a b", "x..y", "$(touch /tmp/x)", "`id`", "; rm -rf /", "2024-01-01"]) expect(refuseUnsafe(value)).toBeNull();
  });

  it("refuses what tools read as a file, a path from the root or another machine, unless the parameter allows it", () => {
    expect(refuseUnsafe("@/etc/passwd")).toBe('must not start with "@" (curl and others read it as a file to send)');
    expect(refuseUnsafe("/etc/shadow")).toBe('must not be an absolute path (start with "/", "\\" or "~")');
    expect(refuseUnsafe("~root/.ssh")).toBe('must not be an absolute path (start with "/", "\\" or "~")');
    expect(refuseUnsafe("attacker.example:loot.tar")).toBe('must not have a ":" before any "/" (tar, rsync and scp read host:path as another machine)');
    expect(refuseUnsafe("backups/12:30.tar")).toBeNull();
    expect(refuseUnsafe("/srv/backups/x.tar", ["absolute_path"])).toBeNull();
    expect(refuseUnsafe("10:30", ["colon"])).toBeNull();
  });

  it("names each rule", () => {
    expect(refuseUnsafe("-x")).toBe('must not start with "-" (it would be read as an option)');
    expect(refuseUnsafe("a\u2028b")).toBe("must not contain newlines or control characters");
    expect(refuseUnsafe("a\u202eb")).toBe("must not contain newlines or control characters");
    expect(refuseUnsafe("a\\..\\b")).toBe('must not contain a ".." path segment');
    expect(refuseUnsafe("..")).toBe('must not contain a ".." path segment');
  });
});
