import { Channels } from "./channels";
import type { ContactValues } from "./contact-fields";
import { EditContact } from "./edit-contact";
import { isShown } from "@/lib/people/visibility";

interface Person extends ContactValues {
  id: string;
  emergencyKey: string | null;
  memberships: { role: "lead" | "member"; team: { key: string; name: string } }[];
}

// SMS shows ticked only where it can be sent: people imported from response-teams.yml have no phone yet.
const contactValues = ({ id, name, title, email, phone, acceptsSms, acceptsEmail }: Person) => ({
  id,
  name,
  title,
  email,
  phone,
  acceptsSms: acceptsSms && phone !== null,
  acceptsEmail,
});

/** Everyone Firebreak can page; admins edit or remove each person in place. */
export function PeopleList({ people, editable }: { people: Person[]; editable: boolean }) {
  if (people.length === 0) return <p className="text-sm text-slate-600">Nobody yet: import the plan or add a contact.</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="people">
      {people.map((person) => (
        <li key={person.id} className="py-3 text-sm" data-testid={`person-${person.email}`}>
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span className="font-medium">{person.name}</span>
            {person.title && <span className="text-slate-600">{person.title}</span>}
            <Channels contact={person} />
            {person.emergencyKey && <span className="text-xs font-semibold uppercase text-slate-500">{person.emergencyKey} contact</span>}
          </div>
          {/* Plain text: the links to write or call are on the team and emergency contact cards. */}
          <p className="text-slate-600 [overflow-wrap:anywhere]">
            {person.email}
            {isShown(person.phone) && ` · ${person.phone}`}
          </p>
          {person.memberships.length > 0 && (
            <p className="text-xs text-slate-600">
              {person.memberships.map((membership) => `${membership.team.name}${membership.role === "lead" ? " (lead)" : ""}`).join(", ")}
            </p>
          )}
          {editable && <EditContact contact={contactValues(person)} emergencyKey={person.emergencyKey} />}
        </li>
      ))}
    </ul>
  );
}
