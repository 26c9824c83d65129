import { createServer, request as forward, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// The load balancer in front of the two web servers, as PUBLIC_URL: the sandbox's callbacks and
// SMS replies and the live-update client come through it. Round robin; a backend that refuses the
// connection is skipped for the next, as a health-checked balancer would. A streamed answer (server-
// sent events) is piped through, and ends when its backend dies.

export interface Balancer {
  url: string;
  stop(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function tryBackend(backend: string, request: IncomingMessage, body: Buffer, response: ServerResponse): Promise<boolean> {
  const target = new URL(request.url ?? "/", backend);
  return new Promise((resolve) => {
    const upstream = forward(target, { method: request.method, headers: { ...request.headers, host: target.host } }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
      answer.once("error", () => response.destroy());
      resolve(true);
    });
    // Refused or reset before an answer: this backend is down, try the next.
    upstream.once("error", () => resolve(false));
    response.once("close", () => upstream.destroy());
    upstream.end(body);
  });
}

export async function startBalancer(backends: string[]): Promise<Balancer> {
  let next = 0;
  const sockets = new Set<import("node:net").Socket>();
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const start = next++ % backends.length;
    for (let offset = 0; offset < backends.length; offset += 1) {
      if (await tryBackend(backends[(start + offset) % backends.length]!, request, body, response)) return;
    }
    response.writeHead(502, { "content-type": "text/plain" }).end("no web server answered");
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
