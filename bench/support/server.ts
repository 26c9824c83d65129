import { spawn } from "node:child_process";
import { childEnvironment } from "@/lib/env";
import { controlGroup } from "@/test/process-group";

export interface BenchServer {
  baseUrl: string;
  /** The process tree's root: the start script, with the web server below it. */
  pid: number;
  /** Resolves once the server answers its health check. */
  ready(): Promise<void>;
  stop(): Promise<void>;
  /** SIGKILL to the whole process group, as a crash would; resolves once it is gone. */
  kill(): Promise<void>;
  /** The server's recent output, for a failure report. */
  output(): string;
}

const OUTPUT_LINES = 60;

/** Starts the production server from the existing build (`npm run web -- --skip-build`) on loopback; `ready()` waits for it. */
export function launchBenchServer(options: { databaseUrl: string; authSecret: string; port: number; env?: Record<string, string> }): BenchServer {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  // Its own process group, so a stop that has to force also reaches the web server below it.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--skip-build", "--only", "web"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: childEnvironment({
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: options.authSecret,
      PORT: String(options.port),
      HOST: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
      ALLOW_DEV_OUTBOX: "true",
      ...options.env,
    }),
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split("\n").filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - OUTPUT_LINES));
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const group = controlGroup(child);

  return {
    baseUrl,
    pid: child.pid!,
    output: () => lines.join("\n"),
    ready: () => waitForHealth(`${baseUrl}/api/health`, group.running),
    stop: group.stop,
    kill: group.kill,
  };
}

async function waitForHealth(url: string, running: () => boolean, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!running()) throw new Error("The web server exited before it answered its health check");
    const response = await fetch(url).catch(() => null);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The web server did not answer ${url} within ${timeoutMs / 1000} s`);
}
