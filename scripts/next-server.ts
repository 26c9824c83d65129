// Next.js in a process of its own on a loopback port, for the web process's front
// (scripts/web-server.ts), which forwards every request but the automation endpoints here. It takes
// a free port itself and tells its parent which once it is ready; it exits when its parent goes
// (however the parent ended).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";

const DRAIN_MS = 5_000;

async function main() {
  // Listening first, so the port is ours from the start; nothing is sent here before Next.js is ready.
  let handle: (request: IncomingMessage, response: ServerResponse) => Promise<void> = async (_request, response) => {
    response.writeHead(503).end();
  };
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error(`[web] ${request.method} ${request.url} failed`, error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;

  const app = next({ dev: false, dir: process.cwd(), hostname: "127.0.0.1", port });
  const nextHandler = app.getRequestHandler();
  await app.prepare();
  handle = (request, response) => nextHandler(request, response);
  process.send?.({ listening: port });

  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, DRAIN_MS).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  process.once("disconnect", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
