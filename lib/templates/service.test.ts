import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { seedIncidentWorld } from "@/test/incident-fixtures";
import { resetDatabase } from "@/test/reset-database";
import { defaultTemplates } from "./defaults";
import { loadTemplates } from "./queries";
import { resetTemplate, saveTemplate } from "./service";

let admin: { id: string; email: string };

beforeEach(async () => {
  await resetDatabase(db);
  const world = await seedIncidentWorld(db);
  admin = { id: world.users.admin.id, email: world.users.admin.email };
});

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe("saveTemplate", () => {
  it("a template with an unknown placeholder cannot be saved", async () => {
    const error = await refusal(saveTemplate(db, { kind: "incident", channel: "sms", body: "{{reference}} is {{sevrity}}" }, admin));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fieldErrors?.body).toEqual([expect.stringMatching(/^Unknown placeholder \{\{sevrity\}\}; use one of: /)]);
    expect(await db.notificationTemplate.count()).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "template.updated" } })).toBe(0);
    expect((await loadTemplates(db)).incident.sms).toMatchObject({ body: defaultTemplates.incident.sms.body, customised: false });
  });

  it("saves a valid edit with who made it, audits it, and loadTemplates returns it", async () => {
    await saveTemplate(db, { kind: "update", channel: "email", subject: "Update {{reference}}", body: "Progress: {{ progress }}\r\n" }, admin);
    const row = await db.notificationTemplate.findUniqueOrThrow({ where: { kind_channel: { kind: "update", channel: "email" } } });
    expect(row).toMatchObject({ subject: "Update {{reference}}", body: "Progress: {{ progress }}", updatedById: admin.id });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "template.updated" } });
    expect(audit).toMatchObject({ actorLabel: admin.email, targetType: "template", targetId: "update.email" });

    const templates = await loadTemplates(db);
    expect(templates.update.email).toEqual({ subject: "Update {{reference}}", body: "Progress: {{ progress }}", customised: true, updatedAt: row.updatedAt });
    expect(templates.update.sms).toEqual({ ...defaultTemplates.update.sms, customised: false, updatedAt: null });
    expect(templates.incident.email).toEqual({ ...defaultTemplates.incident.email, customised: false, updatedAt: null });
  });

  it("replaces an earlier edit rather than adding a second one", async () => {
    await saveTemplate(db, { kind: "resolution", channel: "sms", body: "Resolved {{reference}}" }, admin);
    await saveTemplate(db, { kind: "resolution", channel: "sms", body: "Fixed {{reference}}" }, admin);
    expect(await db.notificationTemplate.findMany({ select: { body: true, subject: true } })).toEqual([{ body: "Fixed {{reference}}", subject: null }]);
  });

  it("refuses an email without a subject", async () => {
    const error = await refusal(saveTemplate(db, { kind: "incident", channel: "email", subject: "", body: "{{title}}" }, admin));
    expect((error as DomainError).fieldErrors?.subject).toEqual(["Subject is required for email"]);
    expect(await db.notificationTemplate.count()).toBe(0);
  });
});

describe("resetTemplate", () => {
  it("goes back to the plan's text and audits it", async () => {
    await saveTemplate(db, { kind: "incident", channel: "sms", body: "{{reference}}" }, admin);
    await resetTemplate(db, { kind: "incident", channel: "sms" }, admin);
    expect(await db.notificationTemplate.count()).toBe(0);
    expect((await loadTemplates(db)).incident.sms).toEqual({ ...defaultTemplates.incident.sms, customised: false, updatedAt: null });
    expect(await db.auditEntry.count({ where: { action: "template.reset", targetId: "incident.sms" } })).toBe(1);
  });

  it("says so when the template already is the plan's", async () => {
    await expect(resetTemplate(db, { kind: "incident", channel: "sms" }, admin)).rejects.toThrow("This template already uses the plan's text.");
    expect(await db.auditEntry.count({ where: { action: "template.reset" } })).toBe(0);
  });
});
