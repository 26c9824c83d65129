import type { Actor, SystemActor } from "@/lib/timeline/actor";
import { recordAudit } from "@/lib/timeline/audit";
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { publishChange } from "@/lib/live/publish";
import { teamsPagingContact } from "./policies";
import { contactRefSchema, contactUpdateSchema, newContactSchema, type ContactUpdate, type NewContact } from "./schemas";
import { refuseDuplicate } from "./unique";
import { fieldError, parseInput } from "./validate";

const emailTaken = (email: string) => () => fieldError("email", `A contact with the email ${email} already exists.`);
const gone = () => new DomainError("That contact no longer exists.");

const channels = (contact: { acceptsSms: boolean; acceptsEmail: boolean }) =>
  [contact.acceptsSms && "sms", contact.acceptsEmail && "email"].filter((channel): channel is string => Boolean(channel));

export async function createContact(db: Db, input: NewContact, actor: Actor | SystemActor) {
  const contact = parseInput(newContactSchema, input);
  return refuseDuplicate(
    () =>
      db.$transaction(async (tx) => {
        const created = await tx.contact.create({ data: contact, select: { id: true, name: true, email: true } });
        await recordAudit(tx, {
          actor,
          action: "contact.created",
          targetType: "contact",
          targetId: created.id,
          data: { email: contact.email, name: contact.name, phone: contact.phone, channels: channels(contact) },
        });
        await publishChange(tx, { topic: "settings" });
        return created;
      }),
    emailTaken(contact.email),
  );
}

export async function updateContact(db: Db, input: ContactUpdate, actor: Actor | SystemActor) {
  const { contactId, ...contact } = parseInput(contactUpdateSchema, input);
  return refuseDuplicate(
    () =>
      db.$transaction(async (tx) => {
        const before = await tx.contact.findUnique({
          where: { id: contactId },
          select: { name: true, title: true, email: true, phone: true, acceptsSms: true, acceptsEmail: true },
        });
        if (!before) throw gone();
        const updated = await tx.contact.update({ where: { id: contactId }, data: contact, select: { id: true, name: true, email: true } });
        const changed = (Object.keys(contact) as (keyof typeof contact)[]).filter((field) => before[field] !== contact[field]);
        await recordAudit(tx, {
          actor,
          action: "contact.updated",
          targetType: "contact",
          targetId: contactId,
          data: { email: contact.email, changed, channels: channels(contact), phone: contact.phone },
        });
        await publishChange(tx, { topic: "settings" });
        return updated;
      }),
    emailTaken(contact.email),
  );
}

/** Removes a contact from every team and audience; refused while an escalation policy still pages them. */
export async function deleteContact(db: Db, input: { contactId: string }, actor: Actor | SystemActor) {
  const { contactId } = parseInput(contactRefSchema, input);
  return db.$transaction(async (tx) => {
    // Locked first, so a policy being saved with this contact either commits before the check below or sees it gone.
    const [contact] = await tx.$queryRaw<{ id: string; name: string; email: string }[]>`
      SELECT id, name, email FROM "Contact" WHERE id = ${contactId}::uuid FOR UPDATE`;
    if (!contact) throw gone();
    const teams = await teamsPagingContact(tx, contactId);
    if (teams.length > 0) {
      throw new DomainError(`${contact.name} is paged by the escalation policy of ${teams.join(", ")}: take them out of it first.`);
    }
    await tx.contact.delete({ where: { id: contactId } });
    await recordAudit(tx, { actor, action: "contact.deleted", targetType: "contact", targetId: contactId, data: { email: contact.email, name: contact.name } });
    await publishChange(tx, { topic: "settings" });
    return contact;
  });
}
