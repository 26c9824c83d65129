import { spawn } from "node:child_process";
import { stat } from "node:fs/promises";
import type { ResolvedStep } from "../resolve";
import { commandEnvironment } from "./command-environment";
import { stepOutput } from "./output";
import { cancelled, failed, timedOut, type StepContext, type StepOutcome } from "./step-context";

type CommandStep = Extract<ResolvedStep, { kind: "command" }>;

/** Between SIGTERM to the process group and SIGKILL to whatever is left of it. */
export const KILL_GRACE_MS = 5_000;

/** Signals the whole process group; false when there is no process left in it. */
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

function endGroup(pid: number) {
  if (signalGroup(pid, "SIGTERM")) setTimeout(() => signalGroup(pid, "SIGKILL"), KILL_GRACE_MS).unref();
}

const isDirectory = (dir: string) => stat(dir).then((info) => info.isDirectory(), () => false);

/**
 * Runs argv without a shell, in its own process group with a minimal environment. A timeout or a
 * cancel ends the whole group (SIGTERM, then SIGKILL), children and grandchildren included; so
 * does the command's own end, for anything it left running.
 */
export async function runCommand(step: CommandStep, context: StepContext): Promise<StepOutcome> {
  if (step.cwd && !(await isDirectory(step.cwd))) return failed(`working directory does not exist: ${step.cwd}`);
  const [program, ...args] = step.argv as [string, ...string[]];

  return new Promise((resolve) => {
    const output = stepOutput(context);
    let ending: "timed_out" | "cancelled" | null = null;
    let exited = false;
    let settled = false;
    let afterExit: NodeJS.Timeout | undefined;
    const child = spawn(program, args, { shell: false, detached: true, cwd: step.cwd ?? undefined, env: commandEnvironment(), stdio: ["ignore", "pipe", "pipe"] as const });

    const stop = (reason: "timed_out" | "cancelled") => {
      if (ending || exited || child.pid === undefined) return;
      ending = reason;
      endGroup(child.pid);
    };
    const timer = setTimeout(() => stop("timed_out"), step.timeoutMs);
    const onAbort = () => stop("cancelled");
    context.signal.addEventListener("abort", onAbort, { once: true });
    // A cancel that came while the process was being started has no event left to fire.
    if (context.signal.aborted) onAbort();

    const settle = (outcome: StepOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(afterExit);
      context.signal.removeEventListener("abort", onAbort);
      output.end();
      resolve(outcome);
    };

    child.stdout.on("data", (chunk: Buffer) => output.write("stdout", chunk));
    child.stderr.on("data", (chunk: Buffer) => output.write("stderr", chunk));
    child.once("error", (error: NodeJS.ErrnoException) => {
      settle(failed(error.code === "ENOENT" ? `command not found: ${program}` : `could not start ${program}: ${error.message}`));
    });
    child.once("exit", (code, signal) => {
      exited = true;
      if (!ending && child.pid !== undefined && signalGroup(child.pid, 0)) {
        context.onOutput("info", "stopping processes the step left running\n");
        endGroup(child.pid);
      }
      const outcome: StepOutcome =
        ending === "timed_out"
          ? { ...timedOut(step.timeoutMs), exitCode: code }
          : ending === "cancelled"
            ? { ...cancelled(), exitCode: code }
            : code === 0
              ? { status: "succeeded", exitCode: 0, result: null, error: null }
              : { status: "failed", exitCode: code, result: null, error: code !== null ? `exited with code ${code}` : `killed by ${signal}` };
      // The output is complete when every holder of the pipes is gone; one that escaped the group is not waited for long.
      child.once("close", () => settle(outcome));
      afterExit = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        settle(outcome);
      }, KILL_GRACE_MS + 1_000);
    });
  });
}
