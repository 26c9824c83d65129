import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PolicyEditor } from "@/components/people/policy-editor";
import { PolicySummary } from "@/components/people/policy-summary";
import { TeamRoster } from "@/components/people/team-roster";
import { TeamSettings } from "@/components/people/team-settings";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { hasRole } from "@/lib/auth/roles";
import { planEscalationPolicy } from "@/lib/people/escalation-policy";
import { currentUser } from "@/lib/auth/session";
import { getTeamDetail, listContacts } from "@/lib/people/queries";
import { contactsFor } from "@/lib/people/visibility";

export const metadata: Metadata = { title: "Team" };

// A team without a policy starts from the plan's chain, as imported teams do.
const emergencyContactIds = (contacts: { id: string; emergencyKey: string | null }[]) =>
  Object.fromEntries(contacts.flatMap((contact) => (contact.emergencyKey ? [[contact.emergencyKey, contact.id]] : [])));

export default async function TeamPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const [user, found, allContacts] = await Promise.all([currentUser(), getTeamDetail(key), listContacts()]);
  if (!found) notFound();
  const team = { ...found, members: found.members.map((member) => ({ ...member, contact: contactsFor(user?.role, [member.contact])[0]! })) };
  const contacts = contactsFor(user?.role, allContacts);
  const admin = hasRole(user?.role, "admin");
  const onTeam = new Set(team.members.map((member) => member.contact.id));
  return (
    <>
      <PageHeader title={team.name} description={`Team key "${team.key}". Paged for incidents on the systems it owns, and by the severities that name it.`} />
      <p className="-mt-4 mb-6 text-sm">
        <Link className="underline" href="/teams">
          All teams & contacts
        </Link>
      </p>
      <div className="grid gap-6">
        <Panel title="Roster">
          <TeamRoster team={team} editable={admin} candidates={contacts.filter((contact) => !onTeam.has(contact.id))} />
        </Panel>
        <Panel title="Escalation policy">
          <PolicySummary policy={team.policy} contacts={contacts} />
          {admin && (
            <details className="mt-4" data-testid="edit-policy">
              <summary className="cursor-pointer text-sm font-medium">Edit the policy</summary>
              <div className="mt-3">
                <PolicyEditor
                  teamId={team.id}
                  policy={team.policy ?? planEscalationPolicy(emergencyContactIds(contacts))}
                  contacts={contacts.map((contact) => ({ id: contact.id, label: `${contact.name} (${contact.emergencyKey ?? contact.email})` }))}
                />
              </div>
            </details>
          )}
        </Panel>
        <Panel title="Owns">
          {team.systems.length === 0 ? (
            <p className="text-sm text-slate-600">No systems.</p>
          ) : (
            <ul className="list-disc pl-5 text-sm" data-testid="team-systems">
              {team.systems.map((system) => (
                <li key={system.id}>{system.name}</li>
              ))}
            </ul>
          )}
        </Panel>
        {admin && (
          <Panel title="Team settings">
            <TeamSettings team={{ id: team.id, key: team.key, name: team.name }} />
          </Panel>
        )}
      </div>
    </>
  );
}
