import type { SeverityAudience } from "@/lib/people/queries";
import { SeverityBadge } from "@/components/plan/severity-levels";
import { AudienceForm } from "./audience-form";

interface Choice {
  id: string;
  label: string;
}

function audienceText(level: SeverityAudience): string {
  const names = [...level.teams.map((team) => `${team.name} team`), ...level.contacts.map((contact) => contact.name)];
  if (names.length === 0) return "Nobody is paged by the audience; only the affected systems' owning teams.";
  return `Pages ${names.join(", ")}, plus the affected systems' owning teams.`;
}

/** Each severity, most severe first: the plan's notification line and who it pages here. */
export function SeverityAudiences({ levels, choices }: { levels: SeverityAudience[]; choices: { teams: Choice[]; contacts: Choice[] } | null }) {
  if (levels.length === 0) return <p className="text-sm text-slate-600">No severity levels: import config/incident-levels.yml.</p>;
  return (
    <ul className="grid gap-4" data-testid="severity-audiences">
      {levels.map((level) => (
        <li key={level.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={`audience-${level.key}`}>
          <div className="flex flex-wrap items-center gap-3">
            <SeverityBadge level={level.key} />
            <p className="text-sm">
              The plan says: <q data-testid="notification-line">{level.notification}</q>
            </p>
          </div>
          <p className="mt-2 text-sm" data-testid="audience-summary">
            {audienceText(level)}
          </p>
          {level.setBy && <p className="text-xs text-slate-500">Set by {level.setBy}.</p>}
          {choices && (
            <details className="mt-3">
              <summary className="cursor-pointer text-sm font-medium">Change who {level.key} incidents page</summary>
              <div className="mt-3">
                <AudienceForm
                  severity={{ id: level.id, key: level.key }}
                  chosen={{ teamIds: level.teams.map((team) => team.id), contactIds: level.contacts.map((contact) => contact.id) }}
                  teams={choices.teams}
                  contacts={choices.contacts}
                />
              </div>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
