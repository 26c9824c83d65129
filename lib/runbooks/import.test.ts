import { mkdtemp, rm, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/config/load";
import { db } from "@/lib/db/client";
import { resetDatabase } from "@/test/reset-database";
import { runbookDefinitionSchema } from "./definition";
import { definitionHash, importRunbooks, loadRunbooks } from "./import";

const verifyBackup = `key: verify-chain-backup
title: Verify a chain-data backup archive
system: blockchain-nodes
role: responder
requires: [tar]
timeout: 10 minutes
parameters:
  archive:
    type: enum
    values: [chain-data-latest.tar.gz, chain-data-previous.tar.gz]
  peers:
    type: integer
    default: 3
steps:
  - name: List the archive
    command: [tar, -tzf, "{{archive}}"]
    cwd: "{{DATA_DIR}}/demo"
`;
// The same runbook with its keys in another order and a default spelled out: the same version.
const verifyBackupReordered = `steps:
  - cwd: "{{DATA_DIR}}/demo"
    command: [tar, -tzf, "{{archive}}"]
    name: List the archive
timeout: 10 minutes
destructive: false
parameters:
  archive:
    values: [chain-data-latest.tar.gz, chain-data-previous.tar.gz]
    type: enum
  peers:
    default: 3
    type: integer
requires: [tar]
role: responder
system: blockchain-nodes
title: Verify a chain-data backup archive
key: verify-chain-backup
`;
const restartNode = `key: restart-node
title: Restart a node
destructive: true
timeout: 5 minutes
steps:
  - name: Restart
    command: [systemctl, restart, besu]
`;

let dir: string;
const write = (file: string, text: string) => writeFile(path.join(dir, file), text);
const rows = () => db.runbook.findMany({ orderBy: { key: "asc" }, select: { key: true, definitionHash: true, retiredAt: true, updatedAt: true } });

async function importError(): Promise<ConfigError> {
  const error = await importRunbooks(db, dir).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

beforeEach(async () => {
  await resetDatabase(db);
  dir = await mkdtemp(path.join(os.tmpdir(), "firebreak-runbooks-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("importRunbooks", () => {
  it("writes each file's runbook with its definition and version hash", async () => {
    await write("verify-chain-backup.yml", verifyBackup);
    await write("restart-node.yml", restartNode);
    expect(await importRunbooks(db, dir)).toEqual({ imported: 2, retired: 0 });

    const runbook = await db.runbook.findUniqueOrThrow({ where: { key: "verify-chain-backup" } });
    expect(runbook).toMatchObject({ title: "Verify a chain-data backup archive", systemKey: "blockchain-nodes", description: "", destructive: false, role: "responder", requires: ["tar"], retiredAt: null });
    expect(runbook.definitionHash).toMatch(/^[0-9a-f]{64}$/);
    // What is stored parses back to the same definition, with the same hash; parameters keep their order.
    const stored = runbookDefinitionSchema.parse(runbook.definition);
    expect(definitionHash(stored)).toBe(runbook.definitionHash);
    expect(stored.parameters.map((parameter) => parameter.name)).toEqual(["archive", "peers"]);
    expect(await db.runbook.findUniqueOrThrow({ where: { key: "restart-node" } })).toMatchObject({ destructive: true, role: "commander", systemKey: null });
  });

  it("gives the same hash whatever the key order, and a new one when the definition changes", async () => {
    await write("verify-chain-backup.yml", verifyBackup);
    await importRunbooks(db, dir);
    const [first] = await rows();
    await write("verify-chain-backup.yml", verifyBackupReordered);
    await importRunbooks(db, dir);
    expect((await rows())[0]!.definitionHash).toBe(first!.definitionHash);
    await write("verify-chain-backup.yml", verifyBackup.replace("default: 3", "default: 4"));
    await importRunbooks(db, dir);
    expect((await rows())[0]!.definitionHash).not.toBe(first!.definitionHash);
  });

  it("retires runbooks whose file is gone, and brings them back with their file", async () => {
    await write("verify-chain-backup.yml", verifyBackup);
    await write("restart-node.yml", restartNode);
    await importRunbooks(db, dir);
    await unlink(path.join(dir, "restart-node.yml"));
    expect(await importRunbooks(db, dir)).toEqual({ imported: 1, retired: 1 });
    const retired = await db.runbook.findUniqueOrThrow({ where: { key: "restart-node" } });
    expect(retired.retiredAt).toBeInstanceOf(Date);
    // Already retired: not retired again, its date kept.
    expect(await importRunbooks(db, dir)).toEqual({ imported: 1, retired: 0 });
    expect((await db.runbook.findUniqueOrThrow({ where: { key: "restart-node" } })).retiredAt).toEqual(retired.retiredAt);
    await write("restart-node.yml", restartNode);
    await importRunbooks(db, dir);
    expect((await db.runbook.findUniqueOrThrow({ where: { key: "restart-node" } })).retiredAt).toBeNull();
  });

  it("writes nothing when any file is bad, and names every problem with its file, path and rule", async () => {
    await write("verify-chain-backup.yml", verifyBackup);
    await importRunbooks(db, dir);
    const before = await rows();

    await write("verify-chain-backup.yml", verifyBackup.replace("default: 3", "default: 4"));
    await write("restart-node.yml", restartNode.replace("[systemctl, restart, besu]", '[systemctl, restart, "{{node}}"]'));
    await write("renamed.yml", restartNode);
    await write("broken.yml", "key: broken\ntitle: [unclosed\n");
    await write("other.yaml", restartNode);
    const error = await importError();
    expect(error.problems).toEqual([
      expect.stringMatching(new RegExp(`^${path.join(dir, "broken.yml")}:\\d+:\\d+: invalid YAML: `)),
      `${path.join(dir, "other.yaml")}: must be named <key>.yml`,
      `${path.join(dir, "renamed.yml")}: key: must be "renamed", the file's name without .yml`,
      `${path.join(dir, "restart-node.yml")}: steps.0.command.2: {{node}} is not a parameter of this runbook (step "Restart"; it declares none)`,
    ]);
    expect(await rows()).toEqual(before);
  });

  it("reports a missing required field at its path, and an empty file at the top level", async () => {
    await write("restart-node.yml", restartNode.replace("timeout: 5 minutes\n", ""));
    await write("empty.yml", "");
    expect((await importError()).problems).toEqual([
      `${path.join(dir, "empty.yml")}: (top level): must be a mapping of keys to values`,
      `${path.join(dir, "restart-node.yml")}: timeout: is required`,
    ]);
  });
});

describe("loadRunbooks", () => {
  it("reads the runbooks shipped in config/runbooks", async () => {
    // Whatever is there must be valid; a missing folder holds none.
    const definitions = await loadRunbooks();
    for (const definition of definitions) expect(definition.steps.length).toBeGreaterThan(0);
  });
});
