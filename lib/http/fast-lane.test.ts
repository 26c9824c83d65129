import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FastLane, type FastLaneRoutes } from "./fast-lane";

const echo = async (request: Request) => Response.json({ method: request.method, url: new URL(request.url).pathname, body: await request.text() }, { status: 202 });
const broken = async () => Promise.reject(new Error("a bug"));
let release: (() => void) | undefined;
const held = () => new Promise<Response>((resolve) => (release = () => resolve(new Response("done"))));

const routes: FastLaneRoutes = new Map([
  ["POST /echo", echo],
  ["POST /broken", broken],
  ["POST /held", held],
]);

let server: Server;
let base: string;
let lane: FastLane;
beforeAll(async () => {
  lane = new FastLane(routes, 1);
  server = createServer((request, response) => {
    if (!lane.serve(request, response)) response.writeHead(418).end();
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

  it("answers a handler that throws with 500, logged", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await fetch(`${base}/broken`, { method: "POST" });
    expect(response.status).toBe(500);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it("answers 503 with Retry-After at once while it is full, and serves again once a request ends", async () => {
    const first = fetch(`${base}/held`, { method: "POST", body: "one" });
    // Once its handler runs, the held request is in the lane.
    await vi.waitFor(() => expect(release).toBeDefined(), { timeout: 20_000, interval: 20 });
    const refused = await fetch(`${base}/echo`, { method: "POST", body: "two" });
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(lane.refused).toBe(1);
    release!();
    expect((await first).status).toBe(200);
    expect((await fetch(`${base}/echo`, { method: "POST", body: "three" })).status).toBe(202);
  });
});
