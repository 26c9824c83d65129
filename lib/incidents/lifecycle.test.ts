import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { freshIncidentWorld, type IncidentWorld } from "@/test/incident-fixtures";
import { addNote, assignIncidentRole, changeSeverity } from "./changes";
import { postStatusUpdate } from "@/lib/command/lifecycle";
import { ackBreachJob } from "./jobs";
import { declareIncident } from "@/lib/command/lifecycle";
import { checkAckBreach, closeIncident, reopenIncident } from "./lifecycle";
import { resolveIncident } from "@/lib/command/lifecycle";
import { mitigateIncident } from "@/lib/command/lifecycle";
import { acknowledgeIncident } from "@/lib/command/lifecycle";

let world: IncidentWorld;
const t0 = new Date("2026-03-01T10:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeEach(async () => {
  world = await freshIncidentWorld(db);
});

function declare(overrides: Partial<Parameters<typeof declareIncident>[1]> = {}, at = t0) {
  return declareIncident(
    db,
    { title: "Bridge relayer stalled", severityId: world.severities.critical, systemIds: [world.systems.bridge.id], impact: "Withdrawals fail", description: "", ...overrides },
    world.users.commander,
    at,
  );
}

// The lifecycle's own events; paging's are covered by lib/paging's tests.
const events = async (incidentId: string) =>
  (await db.incidentEvent.findMany({ where: { incidentId, kind: { not: "paged" } }, orderBy: { id: "asc" }, select: { kind: true } })).map((event) => event.kind);

describe("declareIncident", () => {
  it("writes the incident, its commander, the first event, the audit entry and the breach timer together", async () => {
    const incident = await declare();
    const stored = await db.incident.findUniqueOrThrow({ where: { id: incident.id }, include: { roles: true } });
    expect(stored).toMatchObject({ status: "declared", commanderId: world.users.commander.id, declaredAt: t0, ackDueAt: later(15) });
    expect(stored.roles.map((role) => role.role)).toEqual(["commander"]);
    expect(await events(incident.id)).toEqual(["declared"]);
    expect(await db.auditEntry.count({ where: { action: "incident.declared", targetId: incident.id } })).toBe(1);
    const jobs = await db.$queryRaw<{ task_identifier: string; run_at: Date; key: string }[]>`
      SELECT t.identifier AS task_identifier, j.run_at, j.key FROM graphile_worker._private_jobs j
      JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = ${ackBreachJob.name}`;
    expect(jobs).toEqual([{ task_identifier: ackBreachJob.name, run_at: later(15), key: `${ackBreachJob.name}:${incident.id}` }]);
  });

  it("numbers incidents for people: INC-1, INC-2", async () => {
    const first = await declare();
    const second = await declare();
    expect(second.number).toBe(first.number + 1);
  });

  it("refuses an unknown system or a commander who is not one, and writes nothing", async () => {
    await expect(declare({ systemIds: [world.systems.bridge.id, "00000000-0000-4000-8000-000000000000"] })).rejects.toMatchObject({
      fieldErrors: { systemIds: ["Choose systems from the catalogue"] },
    });
    await expect(declare({ commanderId: world.users.responder.id })).rejects.toBeInstanceOf(DomainError);
    expect(await db.incident.count()).toBe(0);
    expect(await db.incidentEvent.count()).toBe(0);
    expect(await db.auditEntry.count()).toBe(0);
  });
});

describe("lifecycle", () => {
  it("runs declared → acknowledged → mitigated → resolved → closed, recording who and when", async () => {
    const { id } = await declare();
    await acknowledgeIncident(db, id, world.users.responder, later(5));
    await mitigateIncident(db, id, world.users.responder, later(30));
    await resolveIncident(db, { incidentId: id, resolution: "Rolled back", prevention: "Canary", followUp: "PM", dataLossSeconds: 120 }, world.users.commander, later(90));
    await closeIncident(db, id, world.users.commander, later(120));
    const stored = await db.incident.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ status: "closed", acknowledgedAt: later(5), mitigatedAt: later(30), resolvedAt: later(90), closedAt: later(120), breachedAt: null, dataLossSeconds: 120 });
    expect(await events(id)).toEqual(["declared", "acknowledged", "mitigated", "resolved", "closed"]);
    const actors = await db.incidentEvent.findMany({ where: { incidentId: id, kind: { not: "paged" } }, orderBy: { id: "asc" }, select: { actorId: true } });
    expect(actors.map((event) => event.actorId)).toEqual([
      world.users.commander.id,
      world.users.responder.id,
      world.users.responder.id,
      world.users.commander.id,
      world.users.commander.id,
    ]);
  });

  it("refuses a step out of order and changes nothing", async () => {
    const { id, number } = await declare();
    await expect(closeIncident(db, id, world.users.commander, later(1))).rejects.toThrow(`INC-${number} is declared; it cannot be closed now.`);
    expect((await db.incident.findUniqueOrThrow({ where: { id } })).status).toBe("declared");
    expect(await events(id)).toEqual(["declared"]);
  });

  it("marks a late acknowledgement breached at the target, and keeps it", async () => {
    const { id } = await declare();
    await acknowledgeIncident(db, id, world.users.responder, later(20));
    const stored = await db.incident.findUniqueOrThrow({ where: { id } });
    expect(stored.breachedAt).toEqual(later(15));
    expect(await events(id)).toEqual(["declared", "breached", "acknowledged"]);
  });

  it("the breach timer marks an unacknowledged incident once, and leaves an acknowledged one alone", async () => {
    const { id } = await declare();
    await checkAckBreach(db, id, later(14));
    expect((await db.incident.findUniqueOrThrow({ where: { id } })).breachedAt).toBeNull();
    await checkAckBreach(db, id, later(15.5));
    await checkAckBreach(db, id, later(16));
    expect((await db.incident.findUniqueOrThrow({ where: { id } })).breachedAt).toEqual(later(15));
    expect((await events(id)).filter((kind) => kind === "breached")).toHaveLength(1);

    const other = await declare();
    await acknowledgeIncident(db, other.id, world.users.responder, later(3));
    await checkAckBreach(db, other.id, later(60));
    expect((await db.incident.findUniqueOrThrow({ where: { id: other.id } })).breachedAt).toBeNull();
  });

  it("reopens a resolved incident and runs its recovery clock again", async () => {
    const { id } = await declare();
    await resolveIncident(db, { incidentId: id, resolution: "Fixed", prevention: "", followUp: "" }, world.users.commander, later(10));
    await reopenIncident(db, id, "It came back", world.users.commander, later(30));
    const stored = await db.incident.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ status: "acknowledged", resolvedAt: null });
    expect(await events(id)).toEqual(["declared", "resolved", "reopened"]);
  });
});

describe("changes", () => {
  it("moves the acknowledge-by target with the severity, recording the reason", async () => {
    const { id } = await declare();
    await changeSeverity(db, { incidentId: id, severityId: world.severities.high, reason: "Only one relayer affected" }, world.users.commander, later(5));
    const stored = await db.incident.findUniqueOrThrow({ where: { id } });
    expect(stored.ackDueAt).toEqual(later(30));
    const event = await db.incidentEvent.findFirstOrThrow({ where: { incidentId: id, kind: "severity_changed" } });
    expect(event).toMatchObject({ body: "Only one relayer affected", data: { from: "critical", to: "high" } });
  });

  it("hands a role over and keeps the history", async () => {
    const { id } = await declare();
    await assignIncidentRole(db, { incidentId: id, role: "commander", userId: world.users.admin.id }, world.users.commander, later(1));
    await assignIncidentRole(db, { incidentId: id, role: "scribe", userId: world.users.responder.id }, world.users.admin, later(2));
    const roles = await db.incidentRoleAssignment.findMany({ where: { incidentId: id }, orderBy: { id: "asc" } });
    expect(roles.map((role) => [role.role, role.userId, role.endedAt])).toEqual([
      ["commander", world.users.commander.id, later(1)],
      ["commander", world.users.admin.id, null],
      ["scribe", world.users.responder.id, null],
    ]);
    expect((await db.incident.findUniqueOrThrow({ where: { id } })).commanderId).toBe(world.users.admin.id);
    await expect(assignIncidentRole(db, { incidentId: id, role: "scribe", userId: world.users.viewer.id }, world.users.admin, later(3))).rejects.toBeInstanceOf(DomainError);
  });

  it("takes notes on any incident but status updates only on open ones", async () => {
    const { id } = await declare();
    await addNote(db, { incidentId: id, body: "Paged the relayer on-call" }, world.users.responder, later(1));
    await postStatusUpdate(db, { incidentId: id, progress: "Restarted", nextSteps: "Watch", eta: "10 min" }, world.users.responder, later(2));
    await resolveIncident(db, { incidentId: id, resolution: "Fixed", prevention: "", followUp: "" }, world.users.commander, later(3));
    await expect(postStatusUpdate(db, { incidentId: id, progress: "x", nextSteps: "y", eta: "" }, world.users.responder, later(4))).rejects.toThrow(/open incidents/);
    const update = await db.incidentEvent.findFirstOrThrow({ where: { incidentId: id, kind: "status_update" } });
    expect(update.data).toEqual({ progress: "Restarted", nextSteps: "Watch", eta: "10 min" });
  });
});
