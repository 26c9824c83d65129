import Link from "next/link";
import { Channels, type Reachable } from "@/components/people/channels";

interface Member {
  role: "lead" | "member";
  contact: Reachable & { id: string; name: string; email: string };
}

interface Team {
  id: string;
  key: string;
  name: string;
  members: Member[];
  systems: { id: string; name: string }[];
}

function Person({ contact }: { contact: Member["contact"] }) {
  return (
    <>
      {contact.name} · <a className="inline-block py-1 underline" href={`mailto:${contact.email}`}>{contact.email}</a>
      {contact.phone && (
        <>
          {" · "}
          <a className="inline-block py-1 underline" href={`tel:${contact.phone}`}>{contact.phone}</a>
        </>
      )}{" "}
      <Channels contact={contact} />
    </>
  );
}

/** The response teams: leads and member counts on the overview; everyone, how they are reached and what each team owns on the teams page. */
export function TeamList({ teams, detailed = false }: { teams: Team[]; detailed?: boolean }) {
  if (teams.length === 0) return <p className="text-sm text-slate-600">No teams: import config/response-teams.yml.</p>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" data-testid="teams">
      {teams.map((team) => {
        const lead = team.members.find((member) => member.role === "lead");
        const members = team.members.filter((member) => member.role === "member");
        return (
          <li key={team.id} className="rounded-md border border-slate-200 p-3 [overflow-wrap:anywhere]" data-testid={`team-${team.key}`}>
            <h3 className="font-semibold">{detailed ? <Link className="underline" href={`/teams/${team.key}`}>{team.name}</Link> : team.name}</h3>
            {detailed ? (
              <>
                <p className="text-sm text-slate-600">Lead: {lead ? <Person contact={lead.contact} /> : "none"}</p>
                <ul className="mt-2 space-y-1 text-sm">
                  {members.map((member) => (
                    <li key={member.contact.id}>
                      <Person contact={member.contact} />
                    </li>
                  ))}
                </ul>
                {team.systems.length > 0 && <p className="mt-2 text-xs text-slate-600">Owns: {team.systems.map((system) => system.name).join(", ")}</p>}
              </>
            ) : (
              <>
                <p className="text-sm text-slate-600">
                  Lead: {lead ? <a className="inline-block py-1 underline" href={`mailto:${lead.contact.email}`}>{lead.contact.email}</a> : "none"}
                </p>
                <p className="text-sm text-slate-600">{members.length} members</p>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
