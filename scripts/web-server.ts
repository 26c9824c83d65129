// The web process `npm start` and `npm run web` run: a small front on PORT that answers the
// endpoints automation calls in storms itself (lib/http/fast-lane.ts) and forwards everything else
// to Next.js, which runs in a child process on a loopback port (scripts/next-server.ts). Each
// process holds one copy of the application's modules: the front only what the fast lane's routes
// import, with none of Next's per-request machinery; Next.js its build.
import { fork, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import path from "node:path";
import { POST as receiveAlertmanagerWebhook } from "@/app/api/webhooks/alertmanager/route";
import { env } from "@/lib/env";
import { FastLane, type FastLaneRoutes } from "@/lib/http/fast-lane";
import { parseTrustedProxies } from "@/lib/net/client-address";
import { createForwarder } from "@/lib/http/forward";

const fastLaneRoutes: FastLaneRoutes = new Map([["POST /api/webhooks/alertmanager", receiveAlertmanagerWebhook]]);

// In-flight requests get this long after SIGTERM; live event streams never end by themselves.
const DRAIN_MS = 5_000;

/** Starts Next.js and resolves once it is ready, with the loopback port it took; a Next.js that exits ends this process too. */
function startNext(): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(path.join(process.cwd(), "scripts/next-server.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (message: { listening: number }) => resolve({ child, port: message.listening }));
    child.once("exit", (code, signal) => {
      const reason = `Next.js exited (${signal ?? `code ${code}`})`;
      reject(new Error(reason));
      console.error(`[web] ${reason}; stopping`);
      process.exit(1);
    });
  });
}

async function main() {
  const { PORT, HOST, WEBHOOK_MAX_IN_FLIGHT, TRUSTED_PROXIES } = env();
  const { child: nextProcess, port: nextPort } = await startNext();
  const lane = new FastLane(fastLaneRoutes, WEBHOOK_MAX_IN_FLIGHT);
  const forwarder = createForwarder({ host: "127.0.0.1", port: nextPort }, PORT, parseTrustedProxies(TRUSTED_PROXIES));

  const server = createServer((request, response) => {
    if (!lane.serve(request, response)) forwarder.forward(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(PORT, HOST, resolve);
  });

  // Both stop taking requests and finish the ones in flight; this process ends once Next.js has too,
  // so whoever stops the web process can count on both being gone.
  const stop = () => {
    nextProcess.removeAllListeners("exit");
    const nextExited = new Promise((resolve) => (nextProcess.exitCode !== null ? resolve(null) : nextProcess.once("exit", resolve)));
    nextProcess.kill("SIGTERM");
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      forwarder.close();
    }, DRAIN_MS).unref();
    setTimeout(() => nextProcess.kill("SIGKILL"), 2 * DRAIN_MS).unref();
    void Promise.all([closed, nextExited]).then(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
