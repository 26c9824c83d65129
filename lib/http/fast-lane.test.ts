import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readBodyText } from "./body";
import { responseForError } from "./errors";
import { FastLane, type FastLaneRoutes } from "./fast-lane";

const echo = async (request: Request) => Response.json({ method: request.method, url: new URL(request.url).pathname, body: await request.text() }, { status: 202 });
const broken = async () => Promise.reject(new Error("a bug"));
let release: (() => void) | undefined;
const held = () => new Promise<Response>((resolve) => (release = () => resolve(new Response("done"))));

/** A route that reads at most 1 KB, as every route reads at most its limit (lib/http/body.ts). */
const limited = async (request: Request) => {
  try {
    return Response.json({ read: (await readBodyText(request, 1024)).length });
  } catch (error) {
    return responseForError(error, request);
  }
};

/** Refuses without reading the body, as a route whose token is wrong does. */
const refusing = async () => Response.json({ error: "Unknown token." }, { status: 401 });

const routes: FastLaneRoutes = new Map([
  ["POST /echo", echo],
  ["POST /refusing", refusing],
  ["POST /limited", limited],
  ["POST /broken", broken],
  ["POST /held", held],
]);

let server: Server;
let base: string;
let lane: FastLane;
beforeAll(async () => {
  // Bodies read up to 32 KB: the 64 KB ones below are left partly unread.
  lane = new FastLane(routes, 1, 32 * 1024);
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

  it("closes a connection whose body was not read to its end (413, or refused unread), so the requests after it are answered", async () => {
    const big = "x".repeat(64 * 1024);
    const chunked = () => new ReadableStream({ start: (controller) => (controller.enqueue(new TextEncoder().encode(big)), controller.close()) });
    // One at a time (the lane here takes one), each big body followed by a small one that may reuse its connection.
    for (const [path, body, status] of [["/limited", big, 413], ["/limited", chunked(), 413], ["/refusing", big, 401]] as const) {
      const refused = await fetch(`${base}${path}`, { method: "POST", body, duplex: "half" } as RequestInit);
      expect(refused.status).toBe(status);
      expect(refused.headers.get("connection")).toBe("close");
      await refused.arrayBuffer();
      // On a reused connection still carrying the rest of the refused body, this hung until it was reset.
      const next = await fetch(`${base}/limited`, { method: "POST", body: "{}" });
      expect(await next.json()).toEqual({ read: 2 });
    }
  });

  it("lets go of a request whose client left mid-body, quietly, and serves the next", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const port = (server.address() as AddressInfo).port;
    const socket = connect(port, "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nonly part of it");
    // The lane takes one request at a time: once the abandoned one lets go, the next is served.
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await vi.waitFor(async () => expect((await fetch(`${base}/echo`, { method: "POST", body: "next" })).status).toBe(202), { timeout: 20_000, interval: 50 });
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });
});
