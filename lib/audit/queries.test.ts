import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resetDatabase } from "@/test/reset-database";
import { AUDIT_PAGE_SIZE, auditSearch, listAuditEntries, parseAuditFilters, summarizeAuditData } from "./queries";

beforeEach(() => resetDatabase(db));

/** `count` entries, oldest first; every third by the system, alternating incident and user actions. */
async function entries(count: number) {
  await db.auditEntry.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      actorLabel: index % 3 === 0 ? "system" : `Admin${index % 2}@example.test`,
      action: index % 2 === 0 ? "incident.acknowledged" : "user.role_changed",
      targetType: index % 2 === 0 ? "incident" : "user",
      targetId: `target-${index}`,
      data: index % 2 === 0 ? { reference: `INC-${index}` } : { email: `u${index}@example.test`, from: "viewer", to: "commander" },
    })),
  });
  return (await db.auditEntry.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((row) => row.id.toString());
}

describe("listAuditEntries", () => {
  it("reads newest first, 50 a page, and pages back and forth by id", async () => {
    const ids = await entries(120);
    const newestFirst = [...ids].reverse();

    const first = await listAuditEntries(db, {});
    expect(first.entries.map((entry) => entry.id)).toEqual(newestFirst.slice(0, AUDIT_PAGE_SIZE));
    expect(first.newer).toBeNull();
    expect(first.older).toBe(newestFirst[49]);

    const second = await listAuditEntries(db, { before: first.older! });
    expect(second.entries.map((entry) => entry.id)).toEqual(newestFirst.slice(50, 100));
    const third = await listAuditEntries(db, { before: second.older! });
    expect(third.entries.map((entry) => entry.id)).toEqual(newestFirst.slice(100));
    expect(third.older).toBeNull();

    const back = await listAuditEntries(db, { after: third.newer! });
    expect(back.entries.map((entry) => entry.id)).toEqual(newestFirst.slice(50, 100));
    expect(back.older).toBe(newestFirst[99]);
    // Back at the top: the first page, full.
    expect((await listAuditEntries(db, { after: back.newer! })).entries.map((entry) => entry.id)).toEqual(newestFirst.slice(0, 50));
  });

  it("filters by the start of the action and by part of the actor", async () => {
    await entries(12);
    const incidents = await listAuditEntries(db, { action: "incident." });
    expect(incidents.entries).toHaveLength(6);
    expect(incidents.entries.every((entry) => entry.action === "incident.acknowledged")).toBe(true);

    const byActor = await listAuditEntries(db, { actor: "admin1@" });
    expect(byActor.entries.length).toBeGreaterThan(0);
    expect(byActor.entries.every((entry) => entry.actorLabel === "Admin1@example.test")).toBe(true);

    const both = await listAuditEntries(db, { action: "user.role", actor: "system" });
    expect(both.entries.map((entry) => [entry.actorLabel, entry.action])).toEqual([
      ["system", "user.role_changed"],
      ["system", "user.role_changed"],
    ]);
    expect((await listAuditEntries(db, { action: "settings." })).entries).toEqual([]);
  });

  it("describes the target and summarises the data", async () => {
    await entries(2);
    const [user, incident] = (await listAuditEntries(db, {})).entries;
    expect(incident).toMatchObject({ targetType: "incident", targetId: "target-0", targetLabel: "INC-0", summary: "" });
    expect(user).toMatchObject({
      targetType: "user",
      targetLabel: "u1@example.test",
      // jsonb keeps keys shortest first.
      summary: "to: commander · from: viewer · email: u1@example.test",
    });
  });
});

describe("summarizeAuditData", () => {
  it("lists keys and values, lists and empties readably, and cuts long text", () => {
    expect(summarizeAuditData({ systems: ["Bridge", "Monitoring"], eta: "", dataLossSeconds: null, n: 3 })).toBe(
      "systems: Bridge, Monitoring · eta: – · dataLossSeconds: – · n: 3",
    );
    expect(summarizeAuditData({ body: "x".repeat(500) }, 20)).toBe(`body: ${"x".repeat(13)}…`);
  });
});

describe("parseAuditFilters", () => {
  it("keeps what is valid and drops the rest", () => {
    expect(parseAuditFilters({ action: " Incident. ", actor: "ada", before: "42", after: "x1" })).toEqual({ action: "incident.", actor: "ada", before: "42" });
    expect(parseAuditFilters({ action: "", before: "-1", after: ["7", "8"] })).toEqual({ after: "7" });
  });

  it("round-trips through the URL", () => {
    expect(auditSearch({ action: "user.", actor: "a b" })).toBe("?action=user.&actor=a+b");
    expect(auditSearch({})).toBe("");
  });
});
