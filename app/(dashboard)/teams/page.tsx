import type { Metadata } from "next";
import { TeamList } from "@/components/plan/team-list";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { listEmergencyContacts, listSystems, listTeams } from "@/lib/plan/queries";

export const metadata: Metadata = { title: "Teams & contacts" };

export default async function TeamsPage() {
  const [teams, contacts, systems] = await Promise.all([listTeams(), listEmergencyContacts(), listSystems()]);
  return (
    <>
      <PageHeader title="Teams & contacts" description="From config/response-teams.yml and config/emergency-contacts.yml." />
      <div className="grid gap-6">
        <Panel title="Response teams">
          <TeamList teams={teams} detailed />
        </Panel>
        <Panel title="Emergency contacts">
          {contacts.length === 0 ? (
            <p className="text-sm text-slate-600">No emergency contacts: import config/emergency-contacts.yml.</p>
          ) : (
            <ul className="grid gap-4 sm:grid-cols-3" data-testid="emergency-contacts">
              {contacts.map((contact) => (
                <li key={contact.id} className="rounded-md border border-slate-200 p-3 text-sm">
                  <p className="text-xs font-semibold uppercase text-slate-500">{contact.emergencyKey}</p>
                  <p className="font-semibold">{contact.name}</p>
                  {contact.title && <p className="text-slate-600">{contact.title}</p>}
                  {contact.phone && <a className="block underline" href={`tel:${contact.phone}`}>{contact.phone}</a>}
                  <a className="block underline" href={`mailto:${contact.email}`}>{contact.email}</a>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel title="Critical systems">
          {systems.length === 0 ? (
            <p className="text-sm text-slate-600">No systems in the catalogue yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {systems.map((system) => (
                <li key={system.id} className="flex justify-between py-2">
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
