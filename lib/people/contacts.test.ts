import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { resetDatabase } from "@/test/reset-database";
import { createContact, deleteContact, updateContact } from "./contacts";
import { saveEscalationPolicy } from "./policies";
import { createTeam } from "./teams";

const actor = { id: null, label: "admin@example.test" };
const ada = { name: "Ada Ops", title: "SRE", email: "ada@example.test", phone: "+1 555-010-0100", acceptsSms: true, acceptsEmail: true };

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const nothingWritten = async () => expect({ contacts: await db.contact.count(), audit: await db.auditEntry.count() }).toEqual({ contacts: 0, audit: 0 });

beforeEach(() => resetDatabase(db));

describe("createContact", () => {
  it("stores the phone as E.164 and the email in lower case, and audits the creation", async () => {
    const created = await createContact(db, { ...ada, email: "Ada@Example.TEST" }, actor);
    const stored = await db.contact.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored).toMatchObject({ email: "ada@example.test", phone: "+15550100100", acceptsSms: true, acceptsEmail: true, title: "SRE" });
    const entries = await db.auditEntry.findMany({ select: { action: true, targetId: true, actorLabel: true, data: true } });
    expect(entries).toEqual([
      {
        action: "contact.created",
        targetId: created.id,
        actorLabel: actor.label,
        data: { email: "ada@example.test", name: "Ada Ops", phone: "+15550100100", channels: ["sms", "email"] },
      },
    ]);
  });

  it("refuses an email that another contact has, on the email field", async () => {
    await createContact(db, ada, actor);
    const error = await refusal(createContact(db, { ...ada, name: "Someone Else", email: "ADA@example.test" }, actor));
    expect(error.fieldErrors).toEqual({ email: ["A contact with the email ada@example.test already exists."] });
    expect(await db.contact.count()).toBe(1);
    expect(await db.auditEntry.count()).toBe(1);
  });

  it.each([
    ["no plus sign", "15550100100"],
    ["too few digits", "+1 555 01"],
    ["too many digits", "+1 555 010 0100 12345"],
    ["letters", "+1 555 CALL ME"],
    ["a leading zero country code", "+0 555 010 0100"],
  ])("refuses a phone number with %s", async (_case, phone) => {
    const error = await refusal(createContact(db, { ...ada, phone }, actor));
    expect(error.fieldErrors?.phone?.[0]).toMatch(/^Phone must be an international phone number: "\+" then 8 to 15 digits/);
    await nothingWritten();
  });

  it("needs a phone to accept SMS, and at least one channel", async () => {
    const noPhone = await refusal(createContact(db, { ...ada, phone: null }, actor));
    expect(noPhone.fieldErrors).toEqual({ phone: ["Phone is required to accept SMS: enter a number or untick SMS"] });
    const noChannel = await refusal(createContact(db, { ...ada, acceptsSms: false, acceptsEmail: false }, actor));
    expect(noChannel.fieldErrors).toEqual({ channels: ["Channels: tick SMS or email, at least one"] });
    await nothingWritten();

    const emailOnly = await createContact(db, { ...ada, phone: "", acceptsSms: false }, actor);
    expect(await db.contact.findUniqueOrThrow({ where: { id: emailOnly.id } })).toMatchObject({ phone: null, acceptsSms: false, acceptsEmail: true });
  });
});

describe("updateContact", () => {
  it("saves the changes, records which fields changed, and refuses another contact's email", async () => {
    const first = await createContact(db, ada, actor);
    await createContact(db, { ...ada, name: "Bo", email: "bo@example.test", phone: null, acceptsSms: false }, actor);

    await updateContact(db, { contactId: first.id, ...ada, phone: "+44 20 7946 0000", acceptsEmail: false }, actor);
    expect(await db.contact.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ phone: "+442079460000", acceptsSms: true, acceptsEmail: false });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "contact.updated" } });
    expect(entry.data).toMatchObject({ changed: ["phone", "acceptsEmail"], channels: ["sms"] });

    const taken = await refusal(updateContact(db, { contactId: first.id, ...ada, email: "bo@example.test" }, actor));
    expect(taken.fieldErrors).toEqual({ email: ["A contact with the email bo@example.test already exists."] });
    expect((await db.contact.findUniqueOrThrow({ where: { id: first.id } })).email).toBe("ada@example.test");
  });
});

describe("deleteContact", () => {
  it("is refused while an escalation policy pages the contact, and works once it does not", async () => {
    const contact = await createContact(db, ada, actor);
    const team = await createTeam(db, { key: "ops", name: "Ops" }, actor);
    await saveEscalationPolicy(db, { teamId: team.id, repeatCount: 0, steps: [{ afterMinutes: 0, targets: [{ type: "contact", contactId: contact.id }] }] }, actor);

    const refused = await refusal(deleteContact(db, { contactId: contact.id }, actor));
    expect(refused.message).toBe("Ada Ops is paged by the escalation policy of Ops: take them out of it first.");
    expect(await db.contact.count()).toBe(1);

    await saveEscalationPolicy(db, { teamId: team.id, repeatCount: 0, steps: [{ afterMinutes: 0, targets: [{ type: "team_lead" }] }] }, actor);
    await deleteContact(db, { contactId: contact.id }, actor);
    expect(await db.contact.count()).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "contact.deleted", targetId: contact.id } })).toBe(1);
  });
});
