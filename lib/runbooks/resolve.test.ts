import path from "node:path";
import { describe, expect, it } from "vitest";
import { runbookDefinitionSchema } from "./definition";
import { ParameterError, resolveSteps } from "./resolve";

const definition = runbookDefinitionSchema.parse({
  key: "restore-check",
  title: "Restore check",
  timeout: "10 minutes",
  parameters: {
    archive: { type: "pattern", pattern: "[^/]+" },
    peers: { type: "integer", default: 3 },
  },
  steps: [
    { name: "List", command: ["tar", "-tzf", "{{archive}}"], cwd: "{{DATA_DIR}}/demo", timeout: "2 minutes" },
    { name: "Ask", http: { method: "POST", url: "http://127.0.0.1:8545/files/{{archive}}?peers={{peers}}", json: { id: 1 }, expect: { status: 200 } } },
    { name: "Count", sql: { database: "chain", query: "SELECT count(*) AS blocks FROM blocks" } },
  ],
});

describe("resolveSteps", () => {
  it("resolves every step exactly as it will run", () => {
    const steps = resolveSteps(definition, { archive: "a b;c$(x).tar.gz" }, { dataDir: "/var/lib/firebreak" });
    expect(steps).toEqual([
      // The value is one argument, exactly as given: not split at the space, nothing in it interpreted.
      { position: 1, name: "List", timeoutMs: 120_000, kind: "command", argv: ["tar", "-tzf", "a b;c$(x).tar.gz"], cwd: "/var/lib/firebreak/demo" },
      {
        position: 2,
        name: "Ask",
        timeoutMs: 600_000,
        kind: "http",
        method: "POST",
        url: "http://127.0.0.1:8545/files/a%20b%3Bc%24(x).tar.gz?peers=3",
        json: { id: 1 },
        expect: { status: 200 },
      },
      { position: 3, name: "Count", timeoutMs: 600_000, kind: "sql", database: "chain", query: "SELECT count(*) AS blocks FROM blocks", expect: null },
    ]);
  });

  it("resolves a relative data directory to an absolute one", () => {
    const [step] = resolveSteps(definition, { archive: "x" }, { dataDir: ".data" });
    expect(step).toMatchObject({ cwd: path.resolve(".data/demo") });
  });

  it("checks the values again, so nothing unchecked reaches a step", () => {
    expect(() => resolveSteps(definition, { archive: "--checkpoint-action=exec=sh" }, { dataDir: "/d" })).toThrow(ParameterError);
    expect(() => resolveSteps(definition, { archive: "x", extra: "1" }, { dataDir: "/d" })).toThrow(/extra: is not a parameter of this runbook/);
  });
});
