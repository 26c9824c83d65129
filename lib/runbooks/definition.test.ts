import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { runbookDefinitionSchema } from "./definition";

// The example from the runbook format's design, as an operator would write it.
const exampleYaml = `
key: verify-chain-backup
title: Verify a chain-data backup archive
system: blockchain-nodes
description: |
  Lists the archive's contents without extracting it.
destructive: false
role: responder
requires: [tar]
timeout: 10 minutes
parameters:
  archive:
    description: Archive to verify
    type: enum
    values: [chain-data-latest.tar.gz, chain-data-previous.tar.gz]
  target_dir:
    type: pattern
    pattern: "^[a-z0-9][a-z0-9/_.-]{0,120}$"
  peers:
    type: integer
    min: 1
    max: 50
    default: 3
steps:
  - name: List the archive
    command: [tar, -tzf, "{{archive}}"]
    cwd: "{{DATA_DIR}}/demo"
    timeout: 2 minutes
  - name: Ask the node for its peers
    http:
      method: POST
      url: http://127.0.0.1:8545/
      json: {"jsonrpc": "2.0", "method": "net_peerCount", "params": [], "id": 1}
      expect:
        status: 200
        json_path: result
        min: 1
  - name: Count blocks
    sql:
      database: chain
      query: SELECT count(*) AS blocks FROM blocks
      expect:
        column: blocks
        min: 1
`;
const example = () => parse(exampleYaml) as Record<string, unknown> & { steps: Record<string, unknown>[]; parameters: Record<string, Record<string, unknown>> };

function problems(input: unknown): string[] {
  const result = runbookDefinitionSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

const withSteps = (...steps: unknown[]) => ({ ...example(), steps });

describe("runbookDefinitionSchema", () => {
  it("reads the documented example: durations in seconds, parameters in file order, defaults filled in", () => {
    const definition = runbookDefinitionSchema.parse(example());
    expect(definition).toMatchObject({ key: "verify-chain-backup", role: "responder", destructive: false, requires: ["tar"], timeout: 600, system: "blockchain-nodes" });
    expect(definition.parameters.map((parameter) => parameter.name)).toEqual(["archive", "target_dir", "peers"]);
    expect(definition.parameters[2]).toEqual({ name: "peers", type: "integer", min: 1, max: 50, default: 3 });
    expect(definition.steps[0]).toEqual({ name: "List the archive", command: ["tar", "-tzf", "{{archive}}"], cwd: "{{DATA_DIR}}/demo", timeout: 120 });
    expect(definition.steps[1]!.http).toMatchObject({ method: "POST", expect: { status: 200, json_path: "result", min: 1 } });
    expect(definition.steps[2]!.sql).toEqual({ database: "chain", query: "SELECT count(*) AS blocks FROM blocks", expect: { column: "blocks", min: 1 } });
  });

  it("parses its own stored form to the same definition (runs re-check what they were approved with)", () => {
    const definition = runbookDefinitionSchema.parse(example());
    const stored = JSON.parse(JSON.stringify(definition));
    expect(runbookDefinitionSchema.parse(stored)).toEqual(definition);
  });

  it("defaults: commander, not destructive, nothing required, no parameters, GET", () => {
    const definition = runbookDefinitionSchema.parse({ key: "ping", title: "Ping", timeout: "1 minute", steps: [{ name: "Ping", http: { url: "http://127.0.0.1/" } }] });
    expect(definition).toMatchObject({ role: "commander", destructive: false, requires: [], parameters: [], description: "" });
    expect(definition.steps[0]!.http).toEqual({ method: "GET", url: "http://127.0.0.1/", expect: {} });
  });

  it("refuses unknown keys anywhere, naming them", () => {
    expect(problems({ ...example(), owner: "x" })).toEqual([expect.stringMatching(/^: unknown key "owner" \(allowed: key, title/)]);
    expect(problems(withSteps({ name: "x", command: ["ls"], shell: true }))).toEqual([expect.stringMatching(/^steps\.0: unknown key "shell"/)]);
    expect(problems(withSteps({ name: "x", sql: { database: "chain", query: "SELECT 1", params: [] } }))).toEqual([expect.stringMatching(/^steps\.0\.sql: unknown key "params"/)]);
  });

  it("names the rule for the runbook's own fields", () => {
    expect(problems({ ...example(), key: "Verify_Backup" })).toEqual(["key: must be lowercase letters, digits or '-', starting with a letter"]);
    expect(problems({ ...example(), timeout: "soon" })).toEqual(['timeout: must be a duration such as "90 seconds", "10 minutes" or "2 hours"']);
    expect(problems({ ...example(), timeout: "3 days" })).toEqual(["timeout: must be at most 24 hours"]);
    expect(problems({ ...example(), role: "viewer" })).toEqual(["role: must be responder, commander or admin"]);
    expect(problems({ ...example(), requires: ["tar", "../bin/x"] })).toEqual(["requires.1: must be a command name (such as tar) or an absolute path, without parameters"]);
    expect(problems({ ...example(), title: undefined })).toEqual(["title: is required"]);
    expect(problems({ ...example(), steps: [] })).toEqual(["steps: must have at least one step"]);
  });

  it("checks each parameter's rule, and that its default satisfies it", () => {
    const withParameter = (spec: unknown) => ({ ...example(), steps: [{ name: "x", command: ["ls"] }], parameters: { p: spec } });
    expect(problems(withParameter({ type: "enum", values: [] }))).toEqual(["parameters.p.values: must list at least one value"]);
    expect(problems(withParameter({ type: "enum", values: ["a", "-a"] }))).toEqual(['parameters.p.values.1: must not start with "-" (it would be read as an option)']);
    expect(problems(withParameter({ type: "enum", values: ["a"], default: "b" }))).toEqual(["parameters.p.default: must satisfy the parameter's own rule: must be one of a"]);
    expect(problems(withParameter({ type: "pattern", pattern: "([a-z" }))).toEqual(["parameters.p.pattern: must be a valid regular expression"]);
    expect(problems(withParameter({ type: "pattern", pattern: "[a-z]+", default: "abc1" }))).toEqual(["parameters.p.default: must satisfy the parameter's own rule: must match [a-z]+"]);
    expect(problems(withParameter({ type: "integer", min: -1 }))).toEqual([expect.stringMatching(/^parameters\.p\.min: must be 0 or more/)]);
    expect(problems(withParameter({ type: "integer", min: 5, max: 2 }))).toEqual(["parameters.p.max: must not be less than min"]);
    expect(problems(withParameter({ type: "integer", max: 3, default: 4 }))).toEqual(["parameters.p.default: must satisfy the parameter's own rule: must be at most 3"]);
    expect(problems(withParameter({ type: "list" }))).toEqual(['parameters.p.type: must be "enum", "pattern" or "integer"']);
    expect(problems({ ...example(), parameters: { "Bad-Name": { type: "integer" } } })).toEqual([
      "parameters.Bad-Name: a parameter name must be lowercase letters, digits or '_', starting with a letter",
    ]);
  });

  it("needs exactly one of command, http or sql in a step", () => {
    expect(problems(withSteps({ name: "nothing" }))).toEqual(["steps.0: must have one of command, http or sql"]);
    expect(problems(withSteps({ name: "both", command: ["ls"], sql: { database: "chain", query: "SELECT 1" } }))).toEqual([
      "steps.0: must have only one of command, http or sql, not command and sql",
    ]);
    expect(problems(withSteps({ name: "cwd", cwd: "/tmp", http: { url: "http://127.0.0.1/" } }))).toEqual(["steps.0.cwd: is only for command steps"]);
  });

  it("keeps the program fixed and parameters whole arguments in a command", () => {
    const step = (command: unknown, cwd?: string) => problems(withSteps({ name: "Run it", command, ...(cwd ? { cwd } : {}) }));
    expect(step([])).toEqual(["steps.0.command: must name a command"]);
    expect(step("tar -tzf x")).toEqual(["steps.0.command: must be a list: the command and its arguments"]);
    expect(step(["{{archive}}", "x"])).toEqual(["steps.0.command.0: must be a command name (such as tar) or an absolute path, without parameters"]);
    expect(step(["sh -c", "x"])).toEqual(["steps.0.command.0: must be a command name (such as tar) or an absolute path, without parameters"]);
    expect(step(["/usr/bin/tar", "--file={{archive}}"])).toEqual(['steps.0.command.1: "--file={{archive}}": a parameter must be the whole argument, exactly {{name}}']);
    expect(step(["tar", "{{ archive }}x"])).toEqual(['steps.0.command.1: "{{ archive }}x": a parameter must be the whole argument, exactly {{name}}']);
    expect(step(["ls", "{{DATA_DIR}}"])).toEqual(["steps.0.command.1: {{DATA_DIR}} may only be used in cwd"]);
    expect(step(["tar", "-tzf", "{{archiv}}"])).toEqual([
      'steps.0.command.2: {{archiv}} is not a parameter of this runbook (step "Run it"; declared: archive, target_dir, peers)',
    ]);
    expect(step(["ls"], "demo")).toEqual(["steps.0.cwd: must be an absolute path or start with {{DATA_DIR}}"]);
    expect(step(["ls"], "/srv/{{archive}}")).toEqual(["steps.0.cwd: only {{DATA_DIR}}, at the start, may be used in cwd"]);
    expect(step(["ls"], "{{DATA_DIR}}/../etc")).toEqual(['steps.0.cwd: must not contain a ".." path segment']);
  });

  it("lets parameters fill only whole path segments or query values of an http URL", () => {
    const url = (value: string) => problems(withSteps({ name: "Call", http: { url: value } }));
    expect(url("http://127.0.0.1:8545/blocks/{{peers}}?dir={{target_dir}}")).toEqual([]);
    expect(url("ftp://127.0.0.1/")).toEqual(["steps.0.http.url: must be an http:// or https:// URL"]);
    expect(url("{{target_dir}}")).toEqual(["steps.0.http.url: must be an http:// or https:// URL"]);
    expect(url("http://{{target_dir}}/")).toEqual(["steps.0.http.url: a parameter may only fill a whole path segment or query value, as {{name}}"]);
    expect(url("http://host/block-{{peers}}")).toEqual(["steps.0.http.url: a parameter may only fill a whole path segment or query value, as {{name}}"]);
    expect(url("http://host/?{{peers}}=1")).toEqual(["steps.0.http.url: a parameter may only fill a whole path segment or query value, as {{name}}"]);
    expect(url("http://host/{{DATA_DIR}}")).toEqual(["steps.0.http.url: {{DATA_DIR}} may only be used in cwd"]);
    expect(url("http://host/{{nope}}")).toEqual([expect.stringMatching(/^steps\.0\.http\.url: \{\{nope\}\} is not a parameter of this runbook/)]);
  });

  it("checks an http step's body and expectations", () => {
    const http = (value: unknown) => problems(withSteps({ name: "Call", http: value }));
    expect(http({ method: "DELETE", url: "http://h/" })).toEqual(["steps.0.http.method: must be GET, POST or PUT"]);
    expect(http({ url: "http://h/", json: { id: 1 } })).toEqual(["steps.0.http.json: needs method POST or PUT: a GET has no body"]);
    expect(http({ method: "POST", url: "http://h/", json: { p: "{{peers}}" } })).toEqual([
      "steps.0.http.json: must not contain {{...}}: parameters are not substituted in a request body",
    ]);
    expect(http({ url: "http://h/", expect: { status: 99 } })).toEqual(["steps.0.http.expect.status: must be an HTTP status"]);
    expect(http({ url: "http://h/", expect: { min: 1 } })).toEqual(["steps.0.http.expect.json_path: is required with min or equals"]);
    expect(http({ url: "http://h/", expect: { json_path: "result", min: 1, equals: 2 } })).toEqual(["steps.0.http.expect: may have min or equals, not both"]);
  });

  it("allows only one SELECT (or WITH) statement in a sql step", () => {
    const sql = (query: string) => problems(withSteps({ name: "Check", sql: { database: "chain", query } }));
    expect(sql("select count(*) from blocks;")).toEqual([]);
    expect(sql("WITH recent AS (SELECT * FROM blocks) SELECT count(*) FROM recent")).toEqual([]);
    expect(sql("DELETE FROM blocks")).toEqual(["steps.0.sql.query: must be one read-only statement starting with SELECT or WITH"]);
    expect(sql("SELECT 1; DROP TABLE blocks")).toEqual(['steps.0.sql.query: must be a single statement (";" only at the end)']);
    expect(sql("SELECT * FROM blocks WHERE number = {{peers}}")).toEqual(["steps.0.sql.query: must not contain {{...}}: parameters are not substituted in SQL"]);
    expect(problems(withSteps({ name: "Check", sql: { database: "Chain DB", query: "SELECT 1" } }))).toEqual([
      "steps.0.sql.database: must be the name of a database in RUNBOOK_DATABASES",
    ]);
  });

  it("keeps a step's timeout within the runbook's", () => {
    expect(problems(withSteps({ name: "Slow", command: ["ls"], timeout: "1 hour" }))).toEqual(["steps.0.timeout: must not be longer than the runbook's timeout (10 minutes)"]);
  });
});
