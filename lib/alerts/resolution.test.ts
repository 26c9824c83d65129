import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resolveIncident } from "@/lib/command/lifecycle";
import { startQueuedPaging } from "@/lib/paging/escalation/queued-start";
import { freshIncidentWorld, type IncidentWorld } from "@/test/incident-fixtures";
import { alertmanagerPayload, type FixtureAlert } from "@/test/alert-payload-fixtures";
import { DEFAULT_ALERT_MAPPING, setAlertMapping } from "./mapping";
import { postAlerts, tokenWith } from "@/test/alert-request-fixtures";

let world: IncidentWorld;
let token: string;

beforeEach(async () => {
  world = await freshIncidentWorld(db);
  token = await tokenWith(db, "alerts:write");
});

const firing: FixtureAlert = { fingerprint: "f00d", labels: { alertname: "ValidatorDown", severity: "warning" } };
const resolved: FixtureAlert = { ...firing, status: "resolved", endsAt: "2026-11-26T10:42:00Z" };
const NOTE = "Alertmanager: ValidatorDown resolved at 2026-11-26T10:42:00.000Z";

async function send(alerts: FixtureAlert[]) {
  const response = await postAlerts(alertmanagerPayload(alerts), token);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, number>;
}

const notes = () => db.incidentEvent.findMany({ where: { kind: "note" }, select: { body: true, actorId: true } });
const incidentStatus = async () => (await db.incident.findFirstOrThrow({ select: { status: true } })).status;

describe("resolved alerts", () => {
  it("note the resolution on the timeline once, and leave the incident to a commander by default", async () => {
    await send([firing]);

    expect(await send([resolved])).toMatchObject({ resolved: 1, updated: 0 });
    expect(await send([resolved])).toMatchObject({ resolved: 0, updated: 1 });

    expect(await notes()).toEqual([{ body: NOTE, actorId: null }]);
    expect(await db.alertIncident.findFirstOrThrow()).toMatchObject({ status: "resolved", resolvedAt: new Date("2026-11-26T10:42:00Z") });
    expect(await incidentStatus()).toBe("declared");
  });

  it("resolve the incident once when the operator enabled it, ending its paging", async () => {
    await setAlertMapping(db, { ...DEFAULT_ALERT_MAPPING, resolveIncidents: true }, { id: null, label: "test" });
    await send([firing]);
    await startQueuedPaging(db, (await db.incident.findFirstOrThrow()).id);
    expect(await db.escalation.count({ where: { status: "active" } })).toBeGreaterThan(0);

    await Promise.all([send([resolved]), send([resolved])]);

    expect(await incidentStatus()).toBe("resolved");
    expect(await db.incidentEvent.count({ where: { kind: "resolved" } })).toBe(1);
    expect(await notes()).toHaveLength(1);
    expect(await db.incident.findFirstOrThrow({ select: { resolution: true } })).toEqual({
      resolution: "Alertmanager reported ValidatorDown resolved at 2026-11-26T10:42:00.000Z.",
    });
    expect(await db.escalation.count({ where: { status: "active" } })).toBe(0);
  });

  it("only note the resolution when a commander already resolved the incident", async () => {
    await setAlertMapping(db, { ...DEFAULT_ALERT_MAPPING, resolveIncidents: true }, { id: null, label: "test" });
    await send([firing]);
    const incident = await db.incident.findFirstOrThrow();
    await resolveIncident(db, { incidentId: incident.id, resolution: "Restarted", prevention: "", followUp: "" }, world.users.commander);

    expect(await send([resolved])).toMatchObject({ resolved: 1 });
    expect(await db.incidentEvent.count({ where: { kind: "resolved" } })).toBe(1);
    expect(await notes()).toEqual([{ body: NOTE, actorId: null }]);
  });

  it("record nothing for an alert never seen firing, and never reopen on a late firing copy", async () => {
    expect(await send([{ ...resolved, fingerprint: "never-seen" }])).toMatchObject({ ignored: 1, opened: 0 });
    expect(await db.incident.count()).toBe(0);
    expect(await db.alertIncident.count()).toBe(0);

    await send([firing]);
    await send([resolved]);
    const events = await db.incidentEvent.count();
    expect(await send([firing])).toMatchObject({ opened: 0, updated: 1 });
    expect(await db.incident.count()).toBe(1);
    expect(await db.incidentEvent.count()).toBe(events);
    expect(await db.alertIncident.findFirstOrThrow({ select: { status: true } })).toEqual({ status: "resolved" });
  });
});
