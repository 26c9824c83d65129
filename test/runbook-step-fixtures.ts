import { readFileSync } from "node:fs";
import type { OutputStream, StepContext } from "@/lib/runbooks/execute/step-context";
import type { ResolvedStep } from "@/lib/runbooks/resolve";

// For the executor's tests: a context that keeps what a step printed, and step builders.

export function recordingContext(options: Partial<Pick<StepContext, "redact" | "databases">> = {}) {
  const chunks: { stream: OutputStream; text: string }[] = [];
  const controller = new AbortController();
  const context: StepContext = {
    signal: controller.signal,
    onOutput: (stream, text) => void chunks.push({ stream, text }),
    redact: options.redact ?? ((text) => text),
    databases: options.databases ?? {},
  };
  return { context, controller, chunks, text: (stream: OutputStream) => chunks.filter((chunk) => chunk.stream === stream).map((chunk) => chunk.text).join("") };
}

export const commandStep = (argv: string[], options: { cwd?: string; timeoutMs?: number } = {}): ResolvedStep => ({
  position: 1,
  name: "test step",
  timeoutMs: options.timeoutMs ?? 10_000,
  kind: "command",
  argv,
  cwd: options.cwd ?? null,
});

export const httpStep = (step: Partial<Extract<ResolvedStep, { kind: "http" }>> & { url: string }): ResolvedStep => ({
  position: 1,
  name: "test request",
  timeoutMs: 5_000,
  kind: "http",
  method: "GET",
  expect: {},
  ...step,
});

export const sqlStep = (query: string, options: Partial<Extract<ResolvedStep, { kind: "sql" }>> = {}): ResolvedStep => ({
  position: 1,
  name: "test query",
  timeoutMs: 5_000,
  kind: "sql",
  database: "chain",
  query,
  expect: null,
  ...options,
});

/** True while the process exists and is not a zombie (an exited process nobody has reaped yet). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0] !== "Z";
  } catch {
    return false;
  }
}
