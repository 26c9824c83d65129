import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fastLaneHandler, serveFastLane, type FastLaneRoutes } from "./fast-lane";

const echo = async (request: Request) => Response.json({ method: request.method, url: new URL(request.url).pathname, body: await request.text() }, { status: 202 });
const unreachable = async () => Promise.reject(Object.assign(new Error("Connection terminated unexpectedly"), { code: "ECONNRESET" }));

const routes: FastLaneRoutes = new Map([
  ["POST /echo", echo],
  ["POST /down", unreachable],
]);

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    const handler = fastLaneHandler(routes, request);
    if (handler) void serveFastLane(handler, request, response);
    else response.writeHead(418).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the fast lane", () => {
  it("serves the routes it was given by method and exact path, query ignored, and nothing else", async () => {
    const served = await fetch(`${base}/echo?x=1`, { method: "POST", body: "payload" });
    expect(served.status).toBe(202);
    expect(served.headers.get("content-length")).toBe(String(Buffer.byteLength(await served.clone().text())));
    expect(await served.json()).toEqual({ method: "POST", url: "/echo", body: "payload" });

    expect((await fetch(`${base}/echo`)).status).toBe(418);
    expect((await fetch(`${base}/echo/more`, { method: "POST" })).status).toBe(418);
  });

  it("answers a database outage the handler did not answer itself with 503 and Retry-After", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const response = await fetch(`${base}/down`, { method: "POST" });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.headers.get("cache-control")).toBe("no-store");
    warn.mockRestore();
  });
});
