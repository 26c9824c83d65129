import { existsSync, readdirSync, readFileSync } from "node:fs";

// CPU time a process tree has used, from /proc (Linux). Unlike latency, it barely moves when
// other work shares the machine, so it tells what a request costs.

const TICKS_PER_SECOND = 100;

interface ProcStat {
  ppid: number;
  /** Own user + system time, and that of children it has already reaped, in ticks. */
  ticks: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces; the fields after it are fixed.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const at = (field: number) => Number(fields[field - 3]);
    return { ppid: at(4), ticks: at(14) + at(15) + at(16) + at(17) };
  } catch {
    return null;
  }
}

/** Milliseconds of CPU used so far by `rootPid` and every live descendant; NaN without /proc. */
export function processTreeCpuMs(rootPid: number): number {
  if (!existsSync(`/proc/${rootPid}/stat`)) return Number.NaN;
  const stats = new Map<number, ProcStat>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    const stat = Number.isInteger(pid) ? readStat(pid) : null;
    if (stat) stats.set(pid, stat);
  }
  const inTree = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, stat] of stats) {
      if (!inTree.has(pid) && inTree.has(stat.ppid)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  let ticks = 0;
  for (const pid of inTree) ticks += stats.get(pid)?.ticks ?? 0;
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** The first descendant of `rootPid` whose command line contains `fragment`, if any. */
export function descendantRunning(rootPid: number, fragment: string): number | undefined {
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === rootPid) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
    } catch {
      continue;
    }
    if (!cmdline.includes(fragment)) continue;
    for (let ancestor = readStat(pid)?.ppid; ancestor && ancestor > 1; ancestor = readStat(ancestor)?.ppid) {
      if (ancestor === rootPid) return pid;
    }
  }
  return undefined;
}
