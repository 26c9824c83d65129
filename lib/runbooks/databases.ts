import { env, EnvError } from "@/lib/env";

/** The RUNBOOK_DATABASES setting as name → postgres:// URL (its syntax is checked in lib/env.ts). */
export function parseRunbookDatabases(setting: string | undefined): Record<string, string> {
  const databases: Record<string, string> = {};
  const pairs = (setting ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  pairs.forEach((pair, index) => {
    const at = pair.indexOf("=");
    const [name, url] = [pair.slice(0, at), pair.slice(at + 1)];
    // The entry holds a password: it is described, never echoed.
    if (!/^[a-z][a-z0-9_-]*$/.test(name) || !/^postgres(ql)?:\/\/\S+$/.test(url)) {
      throw new EnvError([`RUNBOOK_DATABASES: entry ${index + 1} must be name=postgres://…`]);
    }
    if (name in databases) throw new EnvError([`RUNBOOK_DATABASES: "${name}" is listed twice`]);
    databases[name] = url;
  });
  return databases;
}

export const runbookDatabases = (): Record<string, string> => parseRunbookDatabases(env().RUNBOOK_DATABASES);
