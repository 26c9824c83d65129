import { isShown } from "@/lib/people/visibility";
import { Channels } from "./channels";
import type { ContactValues } from "./contact-fields";

interface EmergencyContact extends ContactValues {
  id: string;
  emergencyKey: string | null;
}

/** The plan's primary, secondary and security contacts: the last steps of the plan's escalation chain. */
export function EmergencyContacts({ contacts }: { contacts: EmergencyContact[] }) {
  if (contacts.length === 0) return <p className="text-sm text-slate-600">No emergency contacts: import config/emergency-contacts.yml.</p>;
  return (
    <ul className="grid gap-4 sm:grid-cols-3" data-testid="emergency-contacts">
      {contacts.map((contact) => (
        <li key={contact.id} className="rounded-md border border-slate-200 p-3 text-sm [overflow-wrap:anywhere]">
          <p className="text-xs font-semibold uppercase text-slate-500">{contact.emergencyKey}</p>
          <p className="font-semibold">{contact.name}</p>
          {contact.title && <p className="text-slate-600">{contact.title}</p>}
          {isShown(contact.phone) && <a className="block py-1 underline" href={`tel:${contact.phone}`}>{contact.phone}</a>}
          {isShown(contact.email) ? <a className="block py-1 underline" href={`mailto:${contact.email}`}>{contact.email}</a> : <p className="text-slate-600">{contact.email}</p>}
          <Channels contact={contact} />
        </li>
      ))}
    </ul>
  );
}
