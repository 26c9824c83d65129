import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { startQueuedPaging } from "@/lib/paging/escalation/queued-start";
import { freshIncidentWorld, type IncidentWorld } from "@/test/incident-fixtures";
import { alertmanagerPayload } from "@/test/alert-payload-fixtures";
import { postAlerts, tokenWith } from "@/test/alert-request-fixtures";

let world: IncidentWorld;
let token: string;

beforeEach(async () => {
  world = await freshIncidentWorld(db);
  token = await tokenWith(db, "alerts:write");
});

const bridgeDown = { fingerprint: "a1b2c3d4e5f60718", labels: { alertname: "BridgeRelayerDown", severity: "critical", service: "bridge" }, annotations: { summary: "Bridge relayer down", description: "Withdrawals are not relayed" } };

async function send(body: unknown) {
  const response = await postAlerts(body, token);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const timeline = (incidentId: string) => db.incidentEvent.findMany({ where: { incidentId }, orderBy: { id: "asc" }, select: { kind: true, body: true, actorId: true } });

describe("POST /api/webhooks/alertmanager: firing alerts", () => {
  it("opens one incident for a new firing alert, with severity, system, text from the alert, and pages its audience", async () => {
    const answer = await send(alertmanagerPayload([bridgeDown]));

    expect(answer).toEqual({ status: 200, body: { received: 1, opened: 1, updated: 0, resolved: 0, ignored: 0 } });
    const incident = await db.incident.findFirstOrThrow({ include: { systems: true, alerts: true } });
    expect(incident).toMatchObject({ title: "Bridge relayer down", impact: "Withdrawals are not relayed", severityId: world.severities.critical, declaredById: null, commanderId: null });
    expect(incident.description).toContain("service: bridge");
    expect(incident.systems.map((system) => system.systemId)).toEqual([world.systems.bridge.id]);
    expect(incident.alerts).toMatchObject([
      { fingerprint: bridgeDown.fingerprint, startsAt: new Date("2026-11-26T10:00:00.123Z"), alertName: "BridgeRelayerDown", status: "firing" },
    ]);
    expect((await timeline(incident.id))[0]).toEqual({ kind: "declared", body: "Withdrawals are not relayed", actorId: null });
    expect(await db.auditEntry.count({ where: { action: "incident.declared", actorId: null, actorLabel: "Alertmanager" } })).toBe(1);
    // Paged by the worker's job, added with the incident.
    expect(await db.page.count({ where: { incidentId: incident.id } })).toBe(0);
    await startQueuedPaging(db, incident.id);
    expect(await db.page.count({ where: { incidentId: incident.id } })).toBeGreaterThan(0);
  });

  it("takes the same alert sent again as a repeat: no second incident, no timeline event, nothing written", async () => {
    await send(alertmanagerPayload([bridgeDown]));
    const incident = await db.incident.findFirstOrThrow();
    const before = { events: await timeline(incident.id), alert: await db.alertIncident.findFirstOrThrow() };

    const again = await send(alertmanagerPayload([bridgeDown]));

    expect(again.body).toMatchObject({ opened: 0, updated: 1 });
    expect(await db.incident.count()).toBe(1);
    expect(await timeline(incident.id)).toEqual(before.events);
    expect(await db.alertIncident.findFirstOrThrow()).toEqual(before.alert);
  });

  it("opens a new incident when the same fingerprint fires again with a new start", async () => {
    await send(alertmanagerPayload([bridgeDown]));
    await send(alertmanagerPayload([{ ...bridgeDown, startsAt: "2026-11-26T12:00:00Z" }]));
    expect(await db.incident.count()).toBe(2);
  });

  it("takes a grouped payload alert by alert: two new ones open two incidents, the repeat is counted", async () => {
    await send(alertmanagerPayload([bridgeDown]));
    const group = [bridgeDown, { ...bridgeDown, fingerprint: "b1" }, { ...bridgeDown, fingerprint: "c1", labels: { alertname: "MonitoringGap" }, annotations: {} }];

    const answer = await send(alertmanagerPayload(group));

    expect(answer.body).toEqual({ received: 3, opened: 2, updated: 1, resolved: 0, ignored: 0 });
    expect(await db.incident.count()).toBe(3);
    expect(await db.incident.findFirst({ where: { title: "MonitoringGap" }, select: { impact: true } })).toEqual({ impact: "MonitoringGap is firing" });
  });

  it("opens exactly one incident when identical payloads arrive at the same moment (an HA pair)", async () => {
    const payload = alertmanagerPayload([bridgeDown, { ...bridgeDown, fingerprint: "b1" }]);

    const answers = await Promise.all(Array.from({ length: 6 }, () => send(payload)));

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(answers.reduce((sum, answer) => sum + Number(answer.body.opened), 0)).toBe(2);
    expect(await db.incident.count()).toBe(2);
    expect(await db.alertIncident.count()).toBe(2);
  });

  it("opens and pages an alert whose text holds half a surrogate pair, stored as U+FFFD as a text column stores it", async () => {
    const broken = { ...bridgeDown, labels: { ...bridgeDown.labels, "node\ud800": "relay-1\udc00" }, annotations: { summary: "Bridge relayer down \ud83d" } };
    // JSON.stringify writes the halves as escapes ("\ud800"), as another system's JSON would.
    expect(JSON.stringify(alertmanagerPayload([broken]))).toContain("\\ud800");

    expect(await send(alertmanagerPayload([broken]))).toMatchObject({ status: 200, body: { opened: 1 } });
    const incident = await db.incident.findFirstOrThrow({ include: { alerts: true } });
    expect(incident.title).toBe("Bridge relayer down \ufffd");
    expect(incident.alerts[0]!.labels).toMatchObject({ "node\ufffd": "relay-1\ufffd" });
    await startQueuedPaging(db, incident.id);
    expect(await db.page.count({ where: { incidentId: incident.id, body: { contains: "\ufffd" } } })).toBeGreaterThan(0);
  });
});

describe("POST /api/webhooks/alertmanager: concurrent resends", () => {
  it("notes one resolution when overlapping resends and the resolution arrive at once, in any order", async () => {
    const alerts = ["a", "b", "c", "d"].map((fingerprint) => ({ ...bridgeDown, fingerprint }));
    await send(alertmanagerPayload(alerts));
    const orders = [alerts, [...alerts].reverse(), [alerts[2]!, alerts[0]!, alerts[3]!, alerts[1]!], alerts.slice(1), [alerts[3]!, alerts[0]!]];
    const resolution = alertmanagerPayload([{ ...alerts[1]!, status: "resolved", endsAt: "2026-11-26T11:00:00Z" }, alerts[3]!, alerts[0]!]);

    const answers = await Promise.all([...orders.map((order) => send(alertmanagerPayload(order))), send(resolution)]);

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const states = await db.alertIncident.findMany({ orderBy: { fingerprint: "asc" }, select: { fingerprint: true, status: true } });
    expect(states).toEqual([
      { fingerprint: "a", status: "firing" },
      { fingerprint: "b", status: "resolved" },
      { fingerprint: "c", status: "firing" },
      { fingerprint: "d", status: "firing" },
    ]);
    expect(await db.incident.count()).toBe(4);
    expect(await db.incidentEvent.count({ where: { kind: "note" } })).toBe(1);
  });
});

describe("POST /api/webhooks/alertmanager: refusals", () => {
  const written = async () => ({ incidents: await db.incident.count(), alerts: await db.alertIncident.count() });

  it.each([
    ["no alerts list", { ...alertmanagerPayload([bridgeDown]), alerts: undefined }, { alerts: ["must be a list of alerts"] }],
    ["a start that is no date", alertmanagerPayload([{ ...bridgeDown, startsAt: "yesterday" }]), { "alerts.0.startsAt": [expect.stringContaining("RFC 3339")] }],
    ["another version", { ...alertmanagerPayload([bridgeDown]), version: "3" }, { version: [expect.stringContaining('must be "4"')] }],
    ["an alert without alertname", alertmanagerPayload([{ ...bridgeDown, labels: { alertname: "" } }]), { "alerts.0.labels.alertname": ["must not be empty"] }],
  ])("refuses a payload with %s: 400 naming the field, nothing written", async (_case, body, fieldErrors) => {
    const answer = await send(body);
    expect(answer).toMatchObject({ status: 400, body: { error: "Invalid Alertmanager payload", fieldErrors } });
    expect(await written()).toEqual({ incidents: 0, alerts: 0 });
  });

  it("refuses a body that is not JSON, and one over 1 MB", async () => {
    expect((await send("{ not json")).status).toBe(400);
    const huge = alertmanagerPayload([{ ...bridgeDown, annotations: { description: "x".repeat(1024 * 1024) } }]);
    expect((await send(huge)).status).toBe(413);
    expect(await written()).toEqual({ incidents: 0, alerts: 0 });
  });

  it("refuses a request without a token (401) and a token without alerts:write (403)", async () => {
    const payload = alertmanagerPayload([bridgeDown]);
    const anonymous = await postAlerts(payload, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await postAlerts(payload, `${token}x`)).status).toBe(401);
    expect((await postAlerts(payload, await tokenWith(db, "backups:write"))).status).toBe(403);
    expect(await written()).toEqual({ incidents: 0, alerts: 0 });
  });
});
