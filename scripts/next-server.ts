// Next.js in a process of its own, on a loopback port the web process's front (scripts/web-server.ts)
// chooses: the front forwards every request but the automation endpoints here. It tells its parent
// when it listens, and exits when its parent goes (however the parent ended).
import { createServer } from "node:http";
import next from "next";

const DRAIN_MS = 5_000;

async function main() {
  const port = Number(process.env.NEXT_INTERNAL_PORT);
  const app = next({ dev: false, dir: process.cwd(), hostname: "127.0.0.1", port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error(`[web] ${request.method} ${request.url} failed`, error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
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
