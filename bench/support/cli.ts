import os from "node:os";

// What every bench prints and reads the same way.

export const log = (line: string) => console.log(`[bench] ${line}`);

export const loadAverage = () => `load average ${os.loadavg().map((value) => value.toFixed(1)).join(" ")} on ${os.availableParallelism()} cores`;

/** A flag's value as a positive whole number, or an error naming the flag. */
export function positiveWhole<T extends Record<string, string | boolean | string[] | undefined>>(flags: T, name: keyof T & string): number {
  const value = Number(flags[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name}: expected a positive whole number, got "${String(flags[name])}"`);
  return value;
}
