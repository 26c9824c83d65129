import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { declareIncident } from "@/lib/command/lifecycle";
import type { Actor } from "@/lib/timeline/actor";
import { restoreRevision } from "@/lib/postmortems/document/restore";
import { freshIncidentWorld } from "@/test/incident-fixtures";
import { getRevision, listRevisions } from "./history";
import { recordRevision } from "./record";

const t0 = new Date("2026-03-02T09:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

const first = { Overview: "- Impact: withdrawals fail\n- Root Cause:", Timeline: "- Detection: 08:10", Analysis: "" };
const second = { ...first, Overview: "- Impact: withdrawals fail\n- Root Cause: expired relayer certificate" };
const third = { ...second, Timeline: "- Detection: 08:10\n- Response: 08:14", Analysis: "- What went well: paging" };

let postmortemId: string;
let responder: Actor;
let commander: Actor;

// What the editor's save does: new text and a new version for each section, then the revision.
async function edit(actor: Actor, at: Date, bodies: Record<string, string>) {
  await db.$transaction(async (tx) => {
    for (const [heading, body] of Object.entries(bodies)) {
      const current = await tx.postmortemSection.findFirstOrThrow({ where: { postmortemId, heading } });
      if (current.body !== body) await tx.postmortemSection.update({ where: { id: current.id }, data: { body, version: { increment: 1 } } });
    }
    await recordRevision(tx, postmortemId, actor, at);
  });
}

const sections = () => db.postmortemSection.findMany({ where: { postmortemId }, orderBy: { position: "asc" }, select: { heading: true, body: true, version: true, updatedById: true } });
const asSnapshot = (bodies: Record<string, string>) => Object.entries(bodies).map(([heading, body]) => ({ heading, body }));

beforeEach(async () => {
  const world = await freshIncidentWorld(db);
  responder = { id: world.users.responder.id, email: world.users.responder.email, name: "Responder" };
  commander = { id: world.users.commander.id, email: world.users.commander.email, name: "Commander" };
  const incident = await declareIncident(
    db,
    { title: "Bridge relayer stalled", severityId: world.severities.high, systemIds: [world.systems.bridge.id], impact: "Withdrawals fail", description: "" },
    commander,
    later(-60),
  );
  const postmortem = await db.postmortem.create({
    data: { incidentId: incident.id, title: "Post-mortem: bridge relayer stalled", sections: { create: asSnapshot(first).map((section, position) => ({ ...section, position })) } },
  });
  postmortemId = postmortem.id;
  await db.$transaction((tx) => recordRevision(tx, postmortemId, commander, t0));
  await edit(responder, later(5), second);
  await edit(commander, later(30), third);
});

describe("listRevisions and getRevision", () => {
  it("lists revisions newest first with their authors' current names, or the recorded name once the account is gone", async () => {
    await db.user.update({ where: { id: responder.id }, data: { name: "Rita Responder" } });
    const former = await db.user.create({ data: { email: "former@example.test", name: "Former Colleague", role: "responder", passwordHash: "x" } });
    await edit({ id: former.id, email: former.email, name: "Former Colleague" }, later(50), { ...third, Analysis: "- What went well: paging, fast rollback" });
    await db.user.delete({ where: { id: former.id } });

    expect(await listRevisions(db, postmortemId)).toEqual([
      { number: 4, author: "Former Colleague", createdAt: later(50).toISOString(), updatedAt: later(50).toISOString(), restoredFrom: null },
      { number: 3, author: "Commander", createdAt: later(30).toISOString(), updatedAt: later(30).toISOString(), restoredFrom: null },
      { number: 2, author: "Rita Responder", createdAt: later(5).toISOString(), updatedAt: later(5).toISOString(), restoredFrom: null },
      { number: 1, author: "Commander", createdAt: t0.toISOString(), updatedAt: t0.toISOString(), restoredFrom: null },
    ]);
    expect(await listRevisions(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("returns one revision's sections as they were then", async () => {
    expect(await getRevision(db, postmortemId, 2)).toEqual({
      number: 2,
      author: "Responder",
      createdAt: later(5).toISOString(),
      updatedAt: later(5).toISOString(),
      restoredFrom: null,
      sections: asSnapshot(second),
    });
    expect(await getRevision(db, postmortemId, 9)).toBeNull();
  });

  it("refuses stored sections that are not a list of headings and bodies", async () => {
    await db.postmortemRevision.update({ where: { postmortemId_number: { postmortemId, number: 2 } }, data: { sections: [{ heading: "Overview" }] } });
    await expect(getRevision(db, postmortemId, 2)).rejects.toThrow(/unreadable sections/);
  });
});

describe("restoreRevision", () => {
  it("puts the revision's text back, bumps only the changed sections' versions and records a restore revision", async () => {
    const before = await sections();
    expect(await restoreRevision(db, postmortemId, 2, responder, later(60))).toBe(4);

    const after = await sections();
    expect(after.map(({ heading, body }) => ({ heading, body }))).toEqual(asSnapshot(second));
    // Overview already reads as in revision 2: left alone, so nobody editing it is disturbed.
    expect(after.map((section) => section.version)).toEqual([before[0]!.version, before[1]!.version + 1, before[2]!.version + 1]);
    expect(after.map((section) => section.updatedById)).toEqual([null, responder.id, responder.id]);

    const restored = await getRevision(db, postmortemId, 4);
    expect(restored).toMatchObject({ number: 4, author: "Responder", restoredFrom: 2, sections: asSnapshot(second) });
    expect((await listRevisions(db, postmortemId))!.map((revision) => [revision.number, revision.restoredFrom])).toEqual([
      [4, 2],
      [3, null],
      [2, null],
      [1, null],
    ]);
    const audit = await db.auditEntry.findMany({ where: { action: "postmortem.revision_restored", targetId: postmortemId } });
    expect(audit).toMatchObject([{ actorId: responder.id, data: { restoredFrom: 2, revision: 4, sections: ["Timeline", "Analysis"] } }]);
  });

  it("starts a new revision after a restore even for the same author within minutes", async () => {
    await restoreRevision(db, postmortemId, 1, commander, later(31));
    await edit(commander, later(32), { ...first, Analysis: "- What went wrong: certificate expiry unmonitored" });
    expect((await listRevisions(db, postmortemId))!.map((revision) => [revision.number, revision.restoredFrom])).toEqual([
      [5, null],
      [4, 1],
      [3, null],
      [2, null],
      [1, null],
    ]);
  });

  it("refuses a published post-mortem and changes nothing", async () => {
    await db.postmortem.update({ where: { id: postmortemId }, data: { status: "published", publishedAt: later(40) } });
    const before = await sections();
    await expect(restoreRevision(db, postmortemId, 1, commander, later(60))).rejects.toThrow(/published and read-only/);
    expect(await sections()).toEqual(before);
    expect(await db.postmortemRevision.count({ where: { postmortemId } })).toBe(3);
    expect(await db.auditEntry.count({ where: { action: "postmortem.revision_restored" } })).toBe(0);
  });

  it("refuses a revision that does not exist", async () => {
    const before = await sections();
    const refusal = restoreRevision(db, postmortemId, 7, commander, later(60));
    await expect(refusal).rejects.toBeInstanceOf(DomainError);
    await expect(refusal).rejects.toThrow("That revision does not exist.");
    expect(await sections()).toEqual(before);
    expect(await db.postmortemRevision.count({ where: { postmortemId } })).toBe(3);
  });
});
