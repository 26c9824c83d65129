import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { childEnvironment } from "@/lib/env";
import { controlGroup } from "./process-group";

// `npm run worker` as its own process and process group, so a SIGKILL hits it and nothing else.

const READY_LINE = /Worker running/;
const KEPT_LINES = 5000;
const SHOWN_LINES = 60;

export interface WorkerProcess {
  pid: number;
  /** performance.now() when it was spawned. */
  spawnedAt: number;
  /** Resolves with performance.now() of its "Worker running" line; rejects if it exits first. */
  ready(timeoutMs?: number): Promise<number>;
  /** performance.now() of its first output line matching `pattern`, if any. */
  lineAt(pattern: RegExp): number | undefined;
  /** Its output lines matching `pattern`, of the last few thousand. */
  linesMatching(pattern: RegExp): string[];
  /** SIGKILL to the whole process group, as a crash or an OOM kill would; resolves once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM, and SIGKILL if it has not stopped after 15 s. */
  stop(): Promise<void>;
  output(): string;
}

export function spawnWorker(env: Record<string, string>): WorkerProcess {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--only", "worker"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    // A worker under test pages through the sandbox when given one, the dev outbox otherwise.
    env: childEnvironment({ ALLOW_DEV_OUTBOX: "true", ...env }),
  });
  const lines: { at: number; text: string }[] = [];
  const listeners = new Set<(text: string, at: number) => void>();
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on("line", (text) => {
      const at = performance.now();
      lines.push({ at, text });
      if (lines.length > KEPT_LINES) lines.shift();
      for (const listener of listeners) listener(text, at);
    });
  }
  const group = controlGroup(child);
  const { exited } = group;

  return {
    pid: child.pid!,
    spawnedAt,
    lineAt: (pattern) => lines.find((line) => pattern.test(line.text))?.at,
    linesMatching: (pattern) => lines.filter((line) => pattern.test(line.text)).map((line) => line.text),
    output: () => lines.slice(-SHOWN_LINES).map((line) => line.text).join("\n"),
    ready(timeoutMs = 60_000) {
      const seen = lines.find((line) => READY_LINE.test(line.text));
      if (seen) return Promise.resolve(seen.at);
      return new Promise<number>((resolve, reject) => {
        const done = () => {
          listeners.delete(onLine);
          clearTimeout(timer);
        };
        const onLine = (text: string, at: number) => {
          if (!READY_LINE.test(text)) return;
          done();
          resolve(at);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`The worker did not say "Worker running" within ${timeoutMs / 1000} s`));
        }, timeoutMs);
        listeners.add(onLine);
        void exited.then(() => {
          done();
          reject(new Error(`The worker exited (${child.exitCode ?? child.signalCode}) before it was running`));
        });
      });
    },
    kill: group.kill,
    stop: group.stop,
  };
}
