// The web process `npm start` runs (`next start` with a fast lane): Next.js serves everything but
// the automation endpoints listed here, which this server answers directly (lib/http/fast-lane.ts).
import { createServer } from "node:http";
import next from "next";
import { POST as receiveAlertmanagerWebhook } from "@/app/api/webhooks/alertmanager/route";
import { env } from "@/lib/env";
import { fastLaneHandler, serveFastLane, type FastLaneRoutes } from "@/lib/http/fast-lane";

const fastLane: FastLaneRoutes = new Map([["POST /api/webhooks/alertmanager", receiveAlertmanagerWebhook]]);

// In-flight requests get this long after SIGTERM; live event streams never end by themselves.
const DRAIN_MS = 5_000;

async function main() {
  const { PORT, HOST } = env();
  const app = next({ dev: false, dir: process.cwd(), hostname: HOST, port: PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((request, response) => {
    const fast = fastLaneHandler(fastLane, request);
    const served = fast ? serveFastLane(fast, request, response) : handle(request, response);
    served.catch((error: unknown) => {
      console.error(`[web] ${request.method} ${request.url} failed`, error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(PORT, HOST, resolve);
  });

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
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
