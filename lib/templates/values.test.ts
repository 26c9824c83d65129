import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/env";
import { seedIncidentWorld } from "@/test/incident-fixtures";
import { resetDatabase } from "@/test/reset-database";
import { defaultTemplates } from "./defaults";
import { renderTemplate } from "./render";
import { incidentPlaceholderValues } from "./values";

let world: Awaited<ReturnType<typeof seedIncidentWorld>>;
let incident: { id: string; number: number };

beforeEach(async () => {
  await resetDatabase(db);
  world = await seedIncidentWorld(db);
  // Written directly, as the incident services would, so these tests do not also run paging.
  incident = await db.incident.create({
    data: {
      title: "Bridge withdrawals failing",
      severityId: world.severities.critical,
      impact: "Withdrawals fail for every user.",
      declaredAt: new Date("2026-11-25T21:00:00Z"),
      ackDueAt: new Date("2026-11-25T21:15:00Z"),
      systems: { create: [{ systemId: world.systems.monitoring.id }, { systemId: world.systems.bridge.id }] },
    },
    select: { id: true, number: true },
  });
});

const at = new Date("2026-11-25T21:04:37Z");

describe("incidentPlaceholderValues", () => {
  it("describes a just-declared incident", async () => {
    expect(await incidentPlaceholderValues(db, incident.id, { at })).toEqual({
      severity: "critical",
      timestamp: "2026-11-25 21:04 UTC",
      system: "Bridge Infrastructure, Monitoring Systems",
      impact: "Withdrawals fail for every user.",
      actions: "Responders are being paged.",
      status: "declared",
      progress: "-",
      nextSteps: "-",
      eta: "-",
      resolution: "-",
      prevention: "-",
      followup: "-",
      reference: `INC-${incident.number}`,
      title: "Bridge withdrawals failing",
      link: `${publicUrl()}/incidents/INC-${incident.number}`,
    });
  });

  it("says what is being done: the incident's description until a status update", async () => {
    await db.incident.update({ where: { id: incident.id }, data: { description: "Relayer stalled after the upgrade." } });
    expect((await incidentPlaceholderValues(db, incident.id)).actions).toBe("Relayer stalled after the upgrade.");
  });

  it("takes progress from the latest status update, unless the notification brings its own", async () => {
    const update = (progress: string, eta: string, minute: number) =>
      db.incidentEvent.create({
        data: { incidentId: incident.id, kind: "status_update", body: progress, data: { progress, nextSteps: "Replay withdrawals", eta }, createdAt: new Date(`2026-11-25T21:${minute}:00Z`) },
      });
    await update("Standby relayer in sync", "20 minutes", 20);
    await update("Relayer restarted", "", 10); // written later, but earlier in the incident's time
    await db.incidentEvent.create({ data: { incidentId: incident.id, kind: "note", body: "Not an update", createdAt: new Date("2026-11-25T21:30:00Z") } });

    const values = await incidentPlaceholderValues(db, incident.id, { at });
    expect(values).toMatchObject({ actions: "Standby relayer in sync", progress: "Standby relayer in sync", nextSteps: "Replay withdrawals", eta: "20 minutes" });
    expect(await incidentPlaceholderValues(db, incident.id, { progress: "Queue drained", eta: "" })).toMatchObject({
      progress: "Queue drained",
      eta: "20 minutes",
    });
  });

  it("carries the resolution into the plan's resolution template", async () => {
    await db.incident.update({
      where: { id: incident.id },
      data: { status: "resolved", resolvedAt: new Date("2026-11-25T22:00:00Z"), resolution: "Rolled the relayer back", prevention: "Canary upgrades", followUp: "" },
    });
    const values = await incidentPlaceholderValues(db, incident.id, { at });
    expect(values.status).toBe("resolved");
    expect(renderTemplate(defaultTemplates.resolution.email.body, { ...values, ackCode: "", ackLink: "" })).toBe(
      [
        "Incident Resolution",
        "Time: 2026-11-25 21:04 UTC",
        "Resolution: Rolled the relayer back",
        "Prevention: Canary upgrades",
        "Follow-up: -",
        "",
        `Incident: ${publicUrl()}/incidents/INC-${incident.number}`,
      ].join("\n"),
    );
  });

  it("refuses an incident that does not exist", async () => {
    await expect(incidentPlaceholderValues(db, "not-an-id")).rejects.toThrow("That incident does not exist.");
    await expect(incidentPlaceholderValues(db, "00000000-0000-4000-8000-000000000000")).rejects.toThrow("That incident does not exist.");
  });
});
