import { readFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runbookDefinitionSchema, type RunbookDefinition } from "@/lib/runbooks/definition";
import { resolveSteps } from "@/lib/runbooks/resolve";
import { definedSteps } from "./defined-steps";
import { StepSpec } from "./step-spec";

/** One of the demo runbooks, as configured. */
const runbook = (key: string) => runbookDefinitionSchema.parse(parse(readFileSync(`config/runbooks/${key}.yml`, "utf8")));

/** The text of every element marked with the test id, in order, entities decoded. */
function texts(html: string, testId: string): string[] {
  const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  return [...html.matchAll(new RegExp(`data-testid="${testId}"[^>]*>([\\s\\S]*?)</`, "g"))].map((match) => decode(match[1]!));
}

const render = (definition: RunbookDefinition, parameters: Record<string, unknown> | null) =>
  (parameters ? resolveSteps(definition, parameters, { dataDir: "/srv/firebreak" }) : definedSteps(definition)).map((step, index) =>
    renderToStaticMarkup(<StepSpec step={step} number={index + 1} />),
  );

describe("StepSpec", () => {
  it("shows a command as it will run: each argument on its own, the parameter as one argument, and the directory", () => {
    const [mkdir, untar] = render(runbook("demo-restore-chain-data"), { archive: "chain-data-previous.tar.gz", target: "node_2" });
    expect(texts(mkdir!, "argv-arg")).toEqual(["mkdir", "-p", "node_2"]);
    expect(texts(mkdir!, "step-cwd")).toEqual(["/srv/firebreak/demo/restore"]);
    expect(texts(untar!, "argv-arg")).toEqual(["tar", "-xzf", "chain-data-previous.tar.gz", "-C", "../restore", "-C", "node_2"]);
    expect(texts(untar!, "step-limits")[0]).toContain("stops after 2 minutes");
  });

  it("shows the steps as configured, placeholders unfilled", () => {
    const [mkdir] = render(runbook("demo-restore-chain-data"), null);
    expect(texts(mkdir!, "argv-arg")).toEqual(["mkdir", "-p", "{{target}}"]);
    expect(texts(mkdir!, "step-cwd")).toEqual(["{{DATA_DIR}}/demo/restore"]);
  });

  it("shows an HTTP step's request, body and expectation, and a SQL step's database, query and expectation", () => {
    const [peers, , chainId] = render(runbook("demo-check-json-rpc"), {});
    expect(texts(peers!, "step-request")).toEqual(["POST http://127.0.0.1:8545/"]);
    expect(JSON.parse(texts(peers!, "step-body")[0]!)).toEqual({ jsonrpc: "2.0", method: "net_peerCount", params: [], id: 1 });
    expect(texts(peers!, "step-limits")[0]).toContain("Expects status 200 and JSON result ≥ 1");
    expect(texts(chainId!, "step-limits")[0]).toContain('JSON result = "138"');

    const [count] = render(runbook("demo-check-chain-database"), {});
    expect(texts(count!, "step-query")).toEqual(["SELECT count(*) AS blocks FROM blocks"]);
    expect(count).toContain("<code class=\"font-mono text-xs\">chain</code>");
    expect(texts(count!, "step-limits")[0]).toContain("Expects column blocks ≥ 1 · stops after 30 seconds");
  });
});
