import { constants } from "node:fs";
import { access } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { childEnvironment } from "@/lib/env";

const FALLBACK_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/**
 * The whole environment a runbook command gets: the worker's PATH (where `requires` are looked
 * for), a home and a UTF-8 locale. Nothing else, so no setting or secret leaks into a command.
 */
export function commandEnvironment(): NodeJS.ProcessEnv & { PATH: string } {
  const environment = { PATH: childEnvironment({}).PATH || FALLBACK_PATH, HOME: os.homedir(), LANG: "C.UTF-8" };
  // Next's typing of ProcessEnv insists on NODE_ENV, which a command deliberately does not get.
  return environment as NodeJS.ProcessEnv & typeof environment;
}

const runnable = (file: string) =>
  access(file, constants.X_OK).then(
    () => true,
    () => false,
  );

/** The commands of a runbook's `requires` that are not on the PATH runbook commands get (nor, if absolute, where named). */
export async function missingCommands(names: string[]): Promise<string[]> {
  const directories = commandEnvironment().PATH.split(path.delimiter).filter(Boolean);
  const found = await Promise.all(
    names.map(async (name) => (name.startsWith("/") ? runnable(name) : (await Promise.all(directories.map((dir) => runnable(path.join(dir, name))))).some(Boolean))),
  );
  return names.filter((_, index) => !found[index]);
}
