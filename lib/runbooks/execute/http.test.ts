import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/test/free-port";
import { runbookDefinitionSchema } from "../definition";
import { secretRedactor } from "../redact";
import { resolveSteps } from "../resolve";
import { executeStep } from ".";
import { httpStep, recordingContext } from "@/test/runbook-step-fixtures";

// A tiny JSON-RPC node: its answer for each test is set in `reply`.
let server: Server;
let base: string;
let reply: (request: IncomingMessage, body: string, response: ServerResponse) => void;
const received: { method?: string; url?: string; contentType?: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({ method: request.method, url: request.url, contentType: request.headers["content-type"], body });
      reply(request, body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const peerCount = (result: unknown, status = 200) => {
  reply = (_request, body, response) => {
    const { id } = JSON.parse(body) as { id: number };
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", id, result }));
  };
};
const netPeerCount = () =>
  httpStep({
    method: "POST",
    url: `${base}/`,
    json: { jsonrpc: "2.0", method: "net_peerCount", params: [], id: 1 },
    expect: { status: 200, json_path: "result", min: 1 },
  });

describe("http steps", () => {
  it("asks a JSON-RPC node for its peers and passes when there are enough", async () => {
    peerCount("0x5");
    const { context, text } = recordingContext();
    expect(await executeStep(netPeerCount(), context)).toEqual({ status: "succeeded", exitCode: null, result: "HTTP 200, result = 0x5 (5)", error: null });
    expect(received.at(-1)).toMatchObject({ method: "POST", contentType: "application/json", body: '{"jsonrpc":"2.0","method":"net_peerCount","params":[],"id":1}' });
    expect(text("info")).toBe(`POST ${base}/\n`);
    expect(text("stdout")).toBe('{"jsonrpc":"2.0","id":1,"result":"0x5"}');
  });

  it("fails when the value is below the minimum", async () => {
    peerCount("0x0");
    expect(await executeStep(netPeerCount(), recordingContext().context)).toEqual({
      status: "failed",
      exitCode: null,
      result: "HTTP 200, result = 0x0 (0)",
      error: "result = 0x0 (0), expected at least 1",
    });
  });

  it("fails on another status than the expected one", async () => {
    peerCount("0x5", 503);
    expect(await executeStep(netPeerCount(), recordingContext().context)).toMatchObject({ status: "failed", result: "HTTP 503", error: "expected HTTP 200, got HTTP 503" });
  });

  it("without an expected status, needs a 2xx", async () => {
    reply = (_request, _body, response) => response.writeHead(404).end("no such thing");
    expect(await executeStep(httpStep({ url: `${base}/health` }), recordingContext().context)).toMatchObject({ status: "failed", error: "expected a 2xx status, got HTTP 404" });
    reply = (_request, _body, response) => response.writeHead(204).end();
    expect(await executeStep(httpStep({ url: `${base}/health` }), recordingContext().context)).toMatchObject({ status: "succeeded", result: "HTTP 204" });
  });

  it("does not follow a redirect: it fails naming where it was sent, and the target is never asked", async () => {
    reply = (request, _body, response) => {
      if (request.url === "/health") response.writeHead(302, { location: `${base}/elsewhere` }).end();
      else response.writeHead(200).end("followed");
    };
    const before = received.length;
    expect(await executeStep(httpStep({ url: `${base}/health` }), recordingContext().context)).toMatchObject({
      status: "failed",
      result: "HTTP 302",
      error: `redirected to ${base}/elsewhere: HTTP steps do not follow redirects; name the final URL in the runbook`,
    });
    expect(received.slice(before).map((request) => request.url)).toEqual(["/health"]);
  });

  it("compares equals as numbers when both sides are numbers, hex or not", async () => {
    peerCount({ syncing: false, height: "0x10" });
    const step = (expect: object) => httpStep({ method: "POST", url: `${base}/`, json: { id: 2 }, expect });
    expect(await executeStep(step({ json_path: "result.height", equals: 16 }), recordingContext().context)).toMatchObject({ status: "succeeded", result: "HTTP 200, result.height = 0x10 (16)" });
    expect(await executeStep(step({ json_path: "result.syncing", equals: false }), recordingContext().context)).toMatchObject({ status: "succeeded" });
    expect(await executeStep(step({ json_path: "result.syncing", equals: true }), recordingContext().context)).toMatchObject({ status: "failed", error: "result.syncing = false, expected true" });
    expect(await executeStep(step({ json_path: "result.peers", min: 1 }), recordingContext().context)).toMatchObject({ status: "failed", error: "result.peers is not in the response" });
  });

  it("fails when a JSON path is expected from a body that is not JSON", async () => {
    reply = (_request, _body, response) => response.writeHead(200).end("<html>");
    expect(await executeStep(httpStep({ url: `${base}/`, expect: { json_path: "result" } }), recordingContext().context)).toMatchObject({ status: "failed", error: "the response is not JSON" });
  });

  it("sends parameters URL-encoded in their path segment", async () => {
    reply = (_request, _body, response) => response.writeHead(200).end("{}");
    const definition = runbookDefinitionSchema.parse({
      key: "lookup",
      title: "Lookup",
      timeout: "1 minute",
      parameters: { name: { type: "pattern", pattern: ".+" } },
      steps: [{ name: "Get", http: { url: `${base}/files/{{name}}?also={{name}}` } }],
    });
    const [step] = resolveSteps(definition, { name: "a b/c?d=1&e#f" }, { dataDir: "/d" });
    await executeStep(step!, recordingContext().context);
    expect(received.at(-1)?.url).toBe("/files/a%20b%2Fc%3Fd%3D1%26e%23f?also=a%20b%2Fc%3Fd%3D1%26e%23f");
  });

  it("times out, and is cancelled, through its signals", async () => {
    reply = () => undefined; // never answers
    expect(await executeStep(httpStep({ url: `${base}/slow`, timeoutMs: 300 }), recordingContext().context)).toMatchObject({ status: "timed_out", error: "timed out after 300 ms" });
    const { context, controller } = recordingContext();
    const running = executeStep(httpStep({ url: `${base}/slow` }), context);
    setTimeout(() => controller.abort(), 200);
    expect(await running).toMatchObject({ status: "cancelled" });
  });

  it("fails clearly when nothing listens", async () => {
    const closed = await freePort();
    expect(await executeStep(httpStep({ url: `http://127.0.0.1:${closed}/` }), recordingContext().context)).toMatchObject({ status: "failed", error: "request failed: ECONNREFUSED" });
  });

  it("redacts secrets from the body it shows, and caps it", async () => {
    reply = (_request, _body, response) => response.writeHead(200).end(`{"token":"s3cret-token-value","padding":"${"x".repeat(10_000)}"}`);
    const { context, text } = recordingContext({ redact: secretRedactor(["s3cret-token-value"]) });
    await executeStep(httpStep({ url: `${base}/` }), context);
    expect(text("stdout")).toMatch(/^\{"token":"\[redacted\]","padding":"x+$/);
    expect(text("stdout").length).toBeLessThanOrEqual(4096);
    expect(text("info")).toContain("output truncated");
  });
});
