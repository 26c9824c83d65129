import type { ChildProcess } from "node:child_process";

/** Sends `signal` to the process group led by `pid` (a child spawned with `detached: true`); a group already gone is fine. */
export function signalProcessGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

export interface GroupControl {
  exited: Promise<void>;
  running(): boolean;
  /** SIGKILL to the whole process group, as a crash or an OOM kill would; resolves once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM to the child, and SIGKILL to its group if it has not stopped after 15 s. */
  stop(): Promise<void>;
}

/** Stopping and crashing a child spawned as the leader of its own process group. */
export function controlGroup(child: ChildProcess): GroupControl {
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    exited,
    running,
    async kill() {
      signalProcessGroup(child.pid!, "SIGKILL");
      await exited;
    },
    async stop() {
      if (!running()) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => signalProcessGroup(child.pid!, "SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
