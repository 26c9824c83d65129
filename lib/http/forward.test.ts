import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createForwarder, type Forwarder } from "./forward";

// The front's relay to Next.js, against a stand-in for Next.js on a loopback port.

let upstream: Server;
let front: Server;
let forwarder: Forwarder;
let base: string;
const seen: { url: string; headers: IncomingHttpHeaders; body: string }[] = [];
let streamClosed = false;

const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));

beforeAll(async () => {
  upstream = createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    seen.push({ url: request.url ?? "", headers: request.headers, body });
    if (request.url === "/stream") {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write("data: first\n\n");
      request.socket.once("close", () => (streamClosed = true));
      return;
    }
    response.writeHead(201, [["set-cookie", "a=1"], ["set-cookie", "b=2"], ["x-answer", "yes"], ["keep-alive", "timeout=99"]]);
    response.end(`echo ${body}`);
  });
  const upstreamPort = await listen(upstream);
  forwarder = createForwarder({ host: "127.0.0.1", port: upstreamPort }, 4321);
  front = createServer((request, response) => forwarder.forward(request, response));
  base = `http://127.0.0.1:${await listen(front)}`;
});
afterAll(async () => {
  forwarder.close();
  upstream.closeAllConnections();
  front.closeAllConnections();
  await Promise.all([new Promise((resolve) => upstream.close(resolve)), new Promise((resolve) => front.close(resolve))]);
});

describe("forwarding to Next.js", () => {
  it("relays method, path, body, status and every header, and says who the client was unless a proxy already did", async () => {
    const response = await fetch(`${base}/api/thing?x=1`, { method: "POST", body: "hello" });
    expect(response.status).toBe(201);
    expect(await response.text()).toBe("echo hello");
    expect(response.headers.get("x-answer")).toBe("yes");
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    // The relay's own connection headers, not Next's.
    expect(response.headers.get("keep-alive")).not.toBe("timeout=99");
    const request = seen.at(-1)!;
    expect(request.url).toBe("/api/thing?x=1");
    expect(request.headers).toMatchObject({ "x-forwarded-for": "127.0.0.1", "x-forwarded-port": "4321", "x-forwarded-proto": "http" });
    expect(request.headers["x-forwarded-host"]).toBe(new URL(base).host);

    await fetch(`${base}/api/thing`, { headers: { "x-forwarded-for": "203.0.113.7" } });
    expect(seen.at(-1)!.headers["x-forwarded-for"]).toBe("203.0.113.7");
  });

  it("names the client by its connection, ignoring what it claims, when no proxy is trusted", async () => {
    await fetch(`${base}/api/thing`, { headers: { "x-forwarded-for": "203.0.113.7", "x-firebreak-client-address": "198.51.100.1" } });
    expect(seen.at(-1)!.headers["x-firebreak-client-address"]).toBe("127.0.0.1");
  });

  it("streams an event stream as it comes, and ends it upstream when the client goes", async () => {
    const controller = new AbortController();
    const response = await fetch(`${base}/stream`, { signal: controller.signal });
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe("data: first\n\n");
    controller.abort();
    await vi.waitFor(() => expect(streamClosed).toBe(true), { timeout: 20_000, interval: 20 });
  });

  it("answers 502 while Next.js cannot be reached", async () => {
    const closed = createForwarder({ host: "127.0.0.1", port: 1 }, 4321);
    const lone = createServer((request, response) => closed.forward(request, response));
    const url = `http://127.0.0.1:${await listen(lone)}`;
    const response = await fetch(`${url}/`);
    expect(response.status).toBe(502);
    closed.close();
    await new Promise((resolve) => lone.close(resolve));
  });
});
