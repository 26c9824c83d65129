import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/backups/route";
import { db } from "@/lib/db/client";
import { createToken } from "@/lib/tokens/tokens";
import { resetDatabase } from "@/test/reset-database";

// POST /api/backups end to end, through the route handler a backup script's curl reaches.

let token: string;

const report = () => ({
  system: "bridge",
  kind: "chain-data",
  location: "/var/backups/chain-data.tar.gz",
  sizeBytes: "52428800",
  checksum: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
  startedAt: new Date(Date.now() - 600_000).toISOString(),
  finishedAt: new Date(Date.now() - 60_000).toISOString(),
  encrypted: true,
  verified: false,
});

function post(body: BodyInit | null, headers: Record<string, string> = {}) {
  const init: RequestInit & { duplex?: "half" } = { method: "POST", body, headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers } };
  if (body instanceof ReadableStream) init.duplex = "half";
  return POST(new Request("http://firebreak.test/api/backups", init));
}

beforeEach(async () => {
  await resetDatabase(db);
  await db.system.create({ data: { key: "bridge", name: "Bridge" } });
  ({ token } = await createToken(db, { name: "backup-db", scopes: ["backups:write"] }, { id: null, label: "test" }));
});

describe("POST /api/backups", () => {
  it("answers 201 with the stored report once it is committed", async () => {
    const body = report();
    const response = await post(JSON.stringify(body));
    expect(response.status).toBe(201);
    const created = await response.json();
    expect(created).toEqual({ id: expect.any(String), system: "bridge", finishedAt: body.finishedAt });
    expect(await db.backupReport.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ kind: "chain_data", sizeBytes: 52_428_800n, verified: false });
  });

  it("needs a live token with backups:write", async () => {
    expect((await post(JSON.stringify(report()), { authorization: "" })).status).toBe(401);
    expect((await post(JSON.stringify(report()), { authorization: "Bearer fbk_nope" })).status).toBe(401);
    const { token: alerts } = await createToken(db, { name: "alertmanager", scopes: ["alerts:write"] }, { id: null, label: "test" });
    const forbidden = await post(JSON.stringify(report()), { authorization: `Bearer ${alerts}` });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({ error: "This token lacks the backups:write scope." });
    expect(await db.backupReport.count()).toBe(0);
  });

  it("refuses malformed JSON, invalid fields and unknown systems with the field and rule, writing nothing", async () => {
    const malformed = await post("{ system: bridge");
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: "Malformed JSON", fieldErrors: { body: [expect.stringMatching(/^the body must be JSON: /)] } });

    const invalid = await post(JSON.stringify({ ...report(), kind: "tape", sizeBytes: -5 }));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({
      error: "Invalid backup report",
      fieldErrors: {
        kind: ["kind must be one of database, chain_data (or chain-data), monitoring, offsite"],
        sizeBytes: ["sizeBytes must be a whole number of bytes, 0 or more"],
      },
    });

    const unknown = await post(JSON.stringify({ ...report(), system: "validator" }));
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toEqual({ error: "Unknown system", fieldErrors: { system: ['system "validator" is not a known system; known systems: bridge'] } });

    expect(await db.backupReport.count()).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "backup.reported" } })).toBe(0);
  });

  it("refuses a body over 64 KB with 413, whether or not it declares its length", async () => {
    const padded = JSON.stringify({ ...report(), location: "x".repeat(70_000) });
    expect((await post(padded, { "content-length": String(Buffer.byteLength(padded)) })).status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 70; i++) controller.enqueue(new Uint8Array(1024).fill(0x20));
        controller.close();
      },
    });
    const streamed = await post(stream);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toEqual({ error: "Request body too large", fieldErrors: { body: ["the body must be at most 65536 bytes"] } });
    expect(await db.backupReport.count()).toBe(0);
  });
});
