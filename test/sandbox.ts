import { createServer, type IncomingHttpHeaders } from "node:http";
import { sandboxClient, type SandboxClient, type SandboxEnv } from "@/scripts/sandbox/client";
import { startSandboxServer } from "@/scripts/sandbox/server";
import type { SandboxSettings } from "@/scripts/sandbox/settings";
import { freePort } from "./free-port";

export { sandboxClient, type SandboxClient } from "@/scripts/sandbox/client";
export type { Delivery, SandboxEnv, SandboxMessage } from "@/scripts/sandbox/client";

export interface StartedSandbox extends SandboxClient {
  publicKey: string;
  /** The environment Firebreak needs to use this sandbox. */
  settings: SandboxEnv;
  stop(): Promise<void>;
}

/**
 * A provider sandbox in this process, on a free port, quiet and without automatic callbacks unless asked.
 * Operations go through the same control API a separate `npm run sandbox` process offers.
 */
export async function startSandbox(options: Partial<SandboxSettings> = {}): Promise<StartedSandbox> {
  const server = await startSandboxServer({ port: await freePort(), ...options });
  return { ...sandboxClient(server.url), publicKey: server.publicKey, settings: server.env, stop: server.close };
}

export interface ReceivedCallback {
  method: string;
  /** Path and query as requested. */
  path: string;
  /** The URL as this server saw it, e.g. http://127.0.0.1:PORT/path?query. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface CallbackTarget {
  url: string;
  received: ReceivedCallback[];
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedCallback[]>;
  stop(): Promise<void>;
}

/** A stand-in for Firebreak in tests of the sandbox's callbacks: records each request and answers with `answer`. */
export async function startCallbackTarget(
  answer: (callback: ReceivedCallback) => { status: number; body?: string } = () => ({ status: 200 }),
): Promise<CallbackTarget> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const received: ReceivedCallback[] = [];
  const server = createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    const callback = { method: request.method ?? "", path: request.url ?? "/", url: `${url}${request.url}`, headers: request.headers, body };
    received.push(callback);
    const { status, body: answerBody = "" } = answer(callback);
    response.writeHead(status, { "Content-Type": "text/plain" }).end(answerBody);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url,
    received,
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} callback(s) within ${timeoutMs} ms, got ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
