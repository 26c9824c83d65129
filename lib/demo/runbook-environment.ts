import { copyFile, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { DEMO_CHAIN_DATABASE, ensureDemoChainDatabase } from "./chain-database";
import { startDemoJsonRpc } from "./json-rpc";

// What the demo runbooks (config/runbooks/demo-*.yml) run against: backup archives under
// DATA_DIR/demo, the chain database for sql steps, and a JSON-RPC responder for http steps.

export interface DemoRunbookEnvironment {
  /** SQL targets for the runbook worker, keyed as the runbooks name them. */
  databases: { chain: string };
  /** Null when the port was taken: the demo's http runbook then reaches whatever listens there. */
  rpcUrl: string | null;
  stop(): Promise<void>;
}

export interface DemoRunbookOptions {
  dataDir: string;
  /** Any database on the server, as a user who may create databases. */
  adminDatabaseUrl: string;
  /** The demo runbooks ask http://127.0.0.1:8545/, the plan's port. */
  rpcPort: number;
  configDir?: string;
  /** Tests pass their own name, so they never touch the demo's chain138. */
  chainDatabase?: string;
  log?: (line: string) => void;
}

const LATEST_ARCHIVE = "chain-data-latest.tar.gz";

/** Copies the shipped archives afresh on every start, so a damaged demo backup heals itself. */
async function installBackups(configDir: string, dataDir: string): Promise<void> {
  const source = path.join(configDir, "demo");
  const backups = path.join(dataDir, "demo", "backups");
  await mkdir(backups, { recursive: true });
  // Restores land here; its contents are the user's and are kept.
  await mkdir(path.join(dataDir, "demo", "restore"), { recursive: true });
  const archives = (await readdir(source)).filter((file) => file.endsWith(".tar.gz"));
  for (const archive of archives) await copyFile(path.join(source, archive), path.join(backups, archive));
  // The plan keeps the previous backup too; the demo has one archive, offered under both names.
  if (archives.includes(LATEST_ARCHIVE)) {
    await copyFile(path.join(source, LATEST_ARCHIVE), path.join(backups, "chain-data-previous.tar.gz"));
  }
}

export async function prepareDemoRunbookEnvironment({
  dataDir,
  adminDatabaseUrl,
  rpcPort,
  configDir = path.resolve(process.cwd(), "config"),
  chainDatabase = DEMO_CHAIN_DATABASE,
  log = () => {},
}: DemoRunbookOptions): Promise<DemoRunbookEnvironment> {
  await installBackups(configDir, path.resolve(dataDir));
  const chain = await ensureDemoChainDatabase(adminDatabaseUrl, chainDatabase);
  const rpc = await startDemoJsonRpc({ port: rpcPort }).catch((error: NodeJS.ErrnoException) => {
    // A local node (or another Firebreak) on the plan's port is no reason to refuse to start.
    if (error.code !== "EADDRINUSE") throw error;
    log(`Port ${rpcPort} is in use, so the demo JSON-RPC responder is not started; demo-check-json-rpc asks whatever listens there.`);
    return null;
  });
  return { databases: { chain }, rpcUrl: rpc?.url ?? null, stop: async () => rpc?.stop() };
}
