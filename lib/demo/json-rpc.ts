import http from "node:http";
import type { AddressInfo } from "node:net";
import { DEMO_CHAIN_HEAD } from "./chain-database";

// A stand-in for a chain-138 node's JSON-RPC endpoint (the plan checks net_peerCount on
// localhost:8545), so the demo's http runbook steps have something real to ask.

export interface DemoJsonRpc {
  url: string;
  stop(): Promise<void>;
}

type JsonRpcId = string | number | null;
type JsonRpcResponse = { jsonrpc: "2.0"; id: JsonRpcId } & ({ result: unknown } | { error: { code: number; message: string } });

const MAX_BODY_BYTES = 64 * 1024;

const methods: Record<string, () => unknown> = {
  net_peerCount: () => "0x5",
  net_version: () => "138",
  eth_chainId: () => "0x8a",
  eth_blockNumber: () => `0x${DEMO_CHAIN_HEAD.toString(16)}`,
  web3_clientVersion: () => "firebreak-demo-responder/v1.0.0",
};

const failure = (id: JsonRpcId, code: number, message: string): JsonRpcResponse => ({ jsonrpc: "2.0", id, error: { code, message } });

/** Answers one request object; null for a notification (no id), which gets no answer. */
function answer(request: unknown): JsonRpcResponse | null {
  if (typeof request !== "object" || request === null || Array.isArray(request)) return failure(null, -32600, "Invalid Request");
  const { jsonrpc, method, id } = request as Record<string, unknown>;
  const validId = id === undefined || id === null || typeof id === "string" || typeof id === "number";
  if (jsonrpc !== "2.0" || typeof method !== "string" || !validId) {
    return failure(validId ? ((id ?? null) as JsonRpcId) : null, -32600, "Invalid Request");
  }
  if (id === undefined) return null;
  const handler = Object.hasOwn(methods, method) ? methods[method] : undefined;
  if (!handler) return failure(id as JsonRpcId, -32601, `Method not found: ${method}`);
  return { jsonrpc: "2.0", id: id as JsonRpcId, result: handler() };
}

function respond(body: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return failure(null, -32700, "Parse error");
  }
  if (!Array.isArray(parsed)) return answer(parsed);
  if (parsed.length === 0) return failure(null, -32600, "Invalid Request");
  const answers = parsed.map(answer).filter((item) => item !== null);
  return answers.length > 0 ? answers : null;
}

function handle(request: http.IncomingMessage, response: http.ServerResponse): void {
  if (request.method !== "POST") {
    response.writeHead(405, { allow: "POST" }).end();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  request.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  request.on("end", () => {
    if (size > MAX_BODY_BYTES) {
      response.writeHead(413).end();
      return;
    }
    const reply = respond(Buffer.concat(chunks).toString("utf8"));
    if (reply === null) response.writeHead(204).end();
    else response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(reply));
  });
}

export async function startDemoJsonRpc({ port, host = "127.0.0.1" }: { port: number; host?: string }): Promise<DemoJsonRpc> {
  const server = http.createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${bound}/`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
