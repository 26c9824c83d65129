import { spawn, type ChildProcess } from "node:child_process";
import { childEnvironment } from "@/lib/env";
import { freePort } from "@/test/free-port";
import { sandboxClient, type SandboxClient } from "@/test/sandbox";

// The processes of a chaos run that the other benches do not start: the provider sandbox as
// `npm run sandbox` of its own, and the processes that keep both cores busy.

export interface SandboxProcess extends SandboxClient {
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  return exited.finally(() => clearTimeout(timer));
}

/** `npm run sandbox` on a free port, posting its callbacks and SMS replies to `target`. */
export async function startSandboxProcess(target: string): Promise<SandboxProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/sandbox.ts", "--port", String(port), "--target", target], {
    stdio: ["ignore", "ignore", "inherit"],
    env: childEnvironment({}),
  });
  const client = sandboxClient(`http://127.0.0.1:${port}`);
  for (const deadline = Date.now() + 60_000; ; ) {
    if (child.exitCode !== null) throw new Error(`the sandbox exited (${child.exitCode}) before it answered`);
    if (await client.health().then(() => true, () => false)) break;
    if (Date.now() > deadline) throw new Error("the sandbox did not answer within 60 s");
    await sleep(200);
  }
  return { ...client, stop: () => stopChild(child) };
}

/** Processes that spin on every core until stopped: a noisy neighbour, or a runaway job on the same machine. */
export function startCoreBurners(cores: number): { stop(): Promise<void> } {
  const burners = Array.from({ length: cores }, () => spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }));
  return { stop: async () => void (await Promise.all(burners.map(stopChild))) };
}
