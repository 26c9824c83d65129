import type { Metadata } from "next";
import { connection } from "next/server";
import Link from "next/link";
import { SeverityAudiences } from "@/components/people/severity-audiences";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";
import { listContacts, listSeverityAudiences, listTeamChoices } from "@/lib/people/queries";

export const metadata: Metadata = { title: "Paging" };

export default async function PagingSettingsPage() {
  // Read at request time, never at build (there is no database then).
  await connection();
  const [user, levels, teams, contacts] = await Promise.all([currentUser(), listSeverityAudiences(), listTeamChoices(), listContacts()]);
  const choices = hasRole(user?.role, "admin")
    ? {
        teams: teams.map((team) => ({ id: team.id, label: team.name })),
        contacts: contacts.map((contact) => ({ id: contact.id, label: `${contact.name} (${contact.emergencyKey ?? contact.email})` })),
      }
    : null;
  return (
    <>
      <PageHeader title="Paging" description="Who is paged for each severity, from the plan's notification lines in config/incident-levels.yml." />
      <p className="mb-6 max-w-prose text-sm text-slate-600" data-testid="paging-explainer">
        Declaring an incident pages its severity&rsquo;s audience below, and always the teams that own the affected systems, each person once. Each team
        is paged through its{" "}
        <Link className="underline" href="/teams">
          escalation policy
        </Link>
        .{choices ? "" : " Only admins change who is paged."}
      </p>
      <SeverityAudiences levels={levels} choices={choices} />
    </>
  );
}
