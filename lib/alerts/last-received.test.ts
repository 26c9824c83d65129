import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { freshIncidentWorld } from "@/test/incident-fixtures";
import { alertmanagerPayload } from "@/test/alert-payload-fixtures";
import { ingestAlerts } from "./ingest";
import { webhookSchema } from "./payload";

beforeEach(async () => {
  await freshIncidentWorld(db);
});

const t0 = new Date("2026-11-26T10:05:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const payload = webhookSchema.parse(alertmanagerPayload([{ fingerprint: "5eed", labels: { alertname: "NodeDown" } }]));
const lastReceived = async () => (await db.alertIncident.findFirstOrThrow({ select: { lastReceivedAt: true } })).lastReceivedAt;

describe("last received", () => {
  it("moves when a resend comes a minute after it, and not before: most resends write nothing", async () => {
    await ingestAlerts(db, payload, t0);

    expect(await ingestAlerts(db, payload, at(59))).toMatchObject({ opened: 0, updated: 1 });
    expect(await lastReceived()).toEqual(t0);

    await ingestAlerts(db, payload, at(61));
    expect(await lastReceived()).toEqual(at(61));
  });

  it("never moves back when a late request carries an older time", async () => {
    await ingestAlerts(db, payload, t0);
    await ingestAlerts(db, payload, at(120));
    await ingestAlerts(db, payload, at(60));
    expect(await lastReceived()).toEqual(at(120));
  });
});
