import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CHAIN_HEAD } from "./chain-database";
import { startDemoJsonRpc, type DemoJsonRpc } from "./json-rpc";

let rpc: DemoJsonRpc;
beforeAll(async () => {
  rpc = await startDemoJsonRpc({ port: 0 });
});
afterAll(() => rpc.stop());

const post = (body: string) => fetch(rpc.url, { method: "POST", headers: { "content-type": "application/json" }, body });
const call = async (method: string, id: number | string = 1) => (await post(JSON.stringify({ jsonrpc: "2.0", method, params: [], id }))).json();

describe("startDemoJsonRpc", () => {
  it("answers the plan's peer-count check and the chain's identity", async () => {
    expect(rpc.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await call("net_peerCount")).toEqual({ jsonrpc: "2.0", id: 1, result: "0x5" });
    expect(await call("net_version", "a")).toEqual({ jsonrpc: "2.0", id: "a", result: "138" });
    expect((await call("eth_blockNumber")).result).toBe(`0x${DEMO_CHAIN_HEAD.toString(16)}`);
    expect((await call("web3_clientVersion")).result).toMatch(/firebreak-demo/);
  });

  it("reports unknown methods, malformed JSON and invalid requests with JSON-RPC error codes", async () => {
    expect(await call("eth_sendTransaction", 7)).toEqual({ jsonrpc: "2.0", id: 7, error: { code: -32601, message: "Method not found: eth_sendTransaction" } });
    const malformed = await post("{not json");
    expect(malformed.status).toBe(200);
    expect(await malformed.json()).toEqual({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
    expect((await (await post(JSON.stringify({ method: "net_version", id: 2 }))).json()).error.code).toBe(-32600);
    expect((await (await post("[]")).json()).error.code).toBe(-32600);
  });

  it("answers a batch in order, leaving out notifications", async () => {
    const response = await post(
      JSON.stringify([
        { jsonrpc: "2.0", method: "net_peerCount", id: 1 },
        { jsonrpc: "2.0", method: "net_version" },
        { jsonrpc: "2.0", method: "nope", id: 3 },
      ]),
    );
    expect(await response.json()).toEqual([
      { jsonrpc: "2.0", id: 1, result: "0x5" },
      { jsonrpc: "2.0", id: 3, error: { code: -32601, message: "Method not found: nope" } },
    ]);
    expect((await post(JSON.stringify({ jsonrpc: "2.0", method: "net_version" }))).status).toBe(204);
  });

  it("accepts only POST and refuses oversized bodies", async () => {
    const get = await fetch(rpc.url);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect((await post(" ".repeat(70 * 1024))).status).toBe(413);
  });
});
