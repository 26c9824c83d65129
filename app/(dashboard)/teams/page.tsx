import type { Metadata } from "next";
import Link from "next/link";
import { TeamList } from "@/components/plan/team-list";
import { CreateContactForm } from "@/components/people/create-contact-form";
import { CreateTeamForm } from "@/components/people/create-team-form";
import { EmergencyContacts } from "@/components/people/emergency-contacts";
import { PeopleList } from "@/components/people/people-list";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { hasRole } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";
import { listContacts } from "@/lib/people/queries";
import { contactsFor } from "@/lib/people/visibility";
import { listEmergencyContacts, listSystems, listTeams } from "@/lib/plan/queries";

export const metadata: Metadata = { title: "Teams & contacts" };

export default async function TeamsPage() {
  const [user, teams, emergencyContacts, allPeople, systems] = await Promise.all([currentUser(), listTeams(), listEmergencyContacts(), listContacts(), listSystems()]);
  const emergency = contactsFor(user?.role, emergencyContacts);
  const people = contactsFor(user?.role, allPeople);
  const admin = hasRole(user?.role, "admin");
  return (
    <>
      <PageHeader
        title="Teams & contacts"
        description="Who is paged, and how. Imported from config/response-teams.yml and config/emergency-contacts.yml; admins edit them here."
      />
      <div className="grid gap-6">
        <Panel title="Response teams" actions={<Link className="text-sm underline" href="/settings/paging">Who each severity pages</Link>}>
          <TeamList teams={teams} detailed />
          <p className="mt-3 text-sm text-slate-600">Open a team for its roster and escalation policy.</p>
          {admin && (
            <details className="mt-4" data-testid="add-team">
              <summary className="cursor-pointer text-sm font-medium">Add a team</summary>
              <div className="mt-3">
                <CreateTeamForm />
              </div>
            </details>
          )}
        </Panel>
        <Panel title="Emergency contacts">
          <EmergencyContacts contacts={emergency} />
        </Panel>
        <Panel title="People">
          <PeopleList people={people} editable={admin} />
          {admin ? (
            <details className="mt-4" data-testid="add-contact">
              <summary className="cursor-pointer text-sm font-medium">Add a contact</summary>
              <div className="mt-3">
                <CreateContactForm />
              </div>
            </details>
          ) : (
            <p className="mt-3 text-sm text-slate-600">Only admins change people, teams and escalation policies.</p>
          )}
        </Panel>
        <Panel title="Critical systems">
          {systems.length === 0 ? (
            <p className="text-sm text-slate-600">No systems in the catalogue yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {systems.map((system) => (
                <li key={system.id} className="flex justify-between gap-4 py-2">
                  <span>{system.name}</span>
                  <span className="text-slate-600">{system.ownerTeam?.name ?? "No owning team"}</span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>
    </>
  );
}
