import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { freePort } from "@/test/free-port";
import { prepareDemoRunbookEnvironment } from "./runbook-environment";

const adminUrl = inject("postgresUrl");
const chainDatabase = `chain_${randomBytes(6).toString("hex")}`;
const dataDir = await mkdtemp(path.join(os.tmpdir(), "firebreak-demo-runbooks-"));

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${chainDatabase} WITH (FORCE)`);
  await client.end();
});

const prepare = async (rpcPort: number, log?: (line: string) => void) =>
  prepareDemoRunbookEnvironment({ dataDir, adminDatabaseUrl: adminUrl, rpcPort, chainDatabase, log });

describe("prepareDemoRunbookEnvironment", () => {
  it("installs both backup archives, the chain database and a JSON-RPC responder on the given port", async () => {
    const port = await freePort();
    const environment = await prepare(port);
    try {
      const backups = path.join(dataDir, "demo", "backups");
      const { stdout } = await promisify(execFile)("tar", ["-tzf", "chain-data-previous.tar.gz"], { cwd: backups });
      expect(stdout.split("\n")).toContain("chain138/genesis.json");
      expect(await readFile(path.join(backups, "chain-data-latest.tar.gz"))).toEqual(await readFile("config/demo/chain-data-latest.tar.gz"));
      expect(existsSync(path.join(dataDir, "demo", "restore"))).toBe(true);

      expect(new URL(environment.databases.chain).pathname).toBe(`/${chainDatabase}`);
      expect(environment.rpcUrl).toBe(`http://127.0.0.1:${port}/`);
      const response = await fetch(environment.rpcUrl!, { method: "POST", body: JSON.stringify({ jsonrpc: "2.0", method: "net_peerCount", id: 1 }) });
      expect((await response.json()).result).toBe("0x5");
    } finally {
      await environment.stop();
    }
  });

  it("replaces a damaged archive on the next start and starts without a responder when the port is taken", async () => {
    const latest = path.join(dataDir, "demo", "backups", "chain-data-latest.tar.gz");
    await writeFile(latest, "not an archive");
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    const lines: string[] = [];
    try {
      const environment = await prepare(port, (line) => lines.push(line));
      expect(environment.rpcUrl).toBeNull();
      expect(lines.join("\n")).toContain(`Port ${port} is in use`);
      await environment.stop();
      expect(await readFile(latest)).toEqual(await readFile("config/demo/chain-data-latest.tar.gz"));
    } finally {
      blocker.close();
    }
  });
});
