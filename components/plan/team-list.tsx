interface Team {
  id: string;
  key: string;
  name: string;
  members: { role: "lead" | "member"; contact: { id: string; name: string; email: string; phone: string | null } }[];
  systems: { id: string; name: string }[];
}

export function TeamList({ teams, detailed = false }: { teams: Team[]; detailed?: boolean }) {
  if (teams.length === 0) return <p className="text-sm text-slate-600">No teams: import config/response-teams.yml.</p>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" data-testid="teams">
      {teams.map((team) => {
        const lead = team.members.find((member) => member.role === "lead");
        const members = team.members.filter((member) => member.role === "member");
        return (
          <li key={team.id} className="rounded-md border border-slate-200 p-3">
            <h3 className="font-semibold">{team.name}</h3>
            <p className="text-sm text-slate-600">
              Lead: {lead ? <a className="underline" href={`mailto:${lead.contact.email}`}>{lead.contact.email}</a> : "none"}
            </p>
            {detailed && (
              <>
                <ul className="mt-2 space-y-1 text-sm">
                  {members.map((member) => (
                    <li key={member.contact.id}>
                      {member.contact.name} · <a className="underline" href={`mailto:${member.contact.email}`}>{member.contact.email}</a>
                    </li>
                  ))}
                </ul>
                {team.systems.length > 0 && (
                  <p className="mt-2 text-xs text-slate-600">Owns: {team.systems.map((system) => system.name).join(", ")}</p>
                )}
              </>
            )}
            {!detailed && <p className="text-sm text-slate-600">{members.length} members</p>}
          </li>
        );
      })}
    </ul>
  );
}
