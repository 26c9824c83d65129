import { formatDuration } from "@/lib/config/duration";

export type OutputStream = "stdout" | "stderr" | "info";

export interface StepContext {
  /** Aborted to cancel the step (a person's cancel, or the run's own time limit). */
  signal: AbortSignal;
  onOutput(stream: OutputStream, text: string): void;
  redact(text: string): string;
  /** SQL targets by name: postgres:// URLs. */
  databases: Record<string, string>;
}

export interface StepOutcome {
  status: "succeeded" | "failed" | "timed_out" | "cancelled";
  exitCode: number | null;
  /** What the step checked: an HTTP status and value, a row count, a column's value. */
  result: string | null;
  error: string | null;
}

export const failed = (error: string, result: string | null = null): StepOutcome => ({ status: "failed", exitCode: null, result, error });

export const cancelled = (): StepOutcome => ({ status: "cancelled", exitCode: null, result: null, error: "cancelled" });

export const timedOut = (timeoutMs: number): StepOutcome => ({
  status: "timed_out",
  exitCode: null,
  result: null,
  error: `timed out after ${timeoutMs % 1000 === 0 ? formatDuration(timeoutMs / 1000) : `${timeoutMs} ms`}`,
});
