"use client";

import type { Role } from "@/lib/auth/roles";
import { formatTimestamp } from "@/lib/format/time";
import type { IncidentDetail } from "@/lib/incidents/queries";
import { incidentKeys } from "@/lib/live/query-keys";
import { incidentRoleLabel, type IncidentRoleName, type Objectives } from "@/lib/incidents/rules";
import type { Rendered } from "@/lib/live/rendered";
import type { IncidentPaging } from "@/lib/paging/queries";
import type { RunbookSummary, RunSummary } from "@/lib/runbooks/queries";
import { useLiveData } from "@/components/live/use-live-data";
import { PagingPanel } from "@/components/paging/paging-panel";
import { SeverityBadge } from "@/components/plan/severity-levels";
import { IncidentPostmortem } from "@/components/postmortems/incident-postmortem";
import { RecoveryActions } from "@/components/runbooks/recovery-actions";
import { Markdown } from "@/components/ui/markdown";
import { Panel } from "@/components/ui/panel";
import { AckTimer } from "./ack-timer";
import { IncidentActions, type ActionChoices } from "./incident-actions";
import { RecoveryClocks } from "./recovery-clocks";
import { DemoBadge, StatusBadge } from "./status-badge";
import { Timeline } from "./timeline";

interface IncidentViewProps {
  initial: Rendered<IncidentDetail>;
  paging: Rendered<IncidentPaging>;
  objectives: Objectives;
  role: Role;
  choices: ActionChoices;
  /** Runbooks to launch from here, and the runs already tied to the incident (fresh with each live refresh of the page). */
  runbooks: RunbookSummary[];
  runs: RunSummary[];
}

export function IncidentView({ initial, paging, objectives, role, choices, runbooks, runs }: IncidentViewProps) {
  const id = initial.data.id;
  const incident = useLiveData({ queryKey: incidentKeys.detail(id), url: `/api/incidents/${id}`, initial });
  const currentRoles = incident.roles.filter((assignment) => !assignment.endedAt);
  const open = incident.status !== "resolved" && incident.status !== "closed";
  return (
    <div className="grid gap-6">
      <header>
        <div className="flex flex-wrap items-center gap-2">
          <SeverityBadge level={incident.severity} />
          <StatusBadge status={incident.status} />
          {incident.isDemo && <DemoBadge />}
          <span className="text-sm text-slate-600">{incident.reference}</span>
        </div>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight" data-testid="incident-title">
          {incident.title}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          Declared {formatTimestamp(incident.declaredAt)}
          {incident.declaredBy ? ` by ${incident.declaredBy}` : ""} · {incident.systems.join(", ")}
        </p>
        {open ? (
          <p className="mt-2 text-base">
            <AckTimer ackDueAt={incident.ackDueAt} acknowledgedAt={incident.acknowledgedAt} breachedAt={incident.breachedAt} declaredAt={incident.declaredAt} />
          </p>
        ) : (
          incident.breachedAt && (
            <p className="mt-2 text-sm font-medium text-red-700" data-testid="ack-breached">
              The acknowledge-by target was breached.
            </p>
          )
        )}
      </header>

      <RecoveryClocks declaredAt={incident.declaredAt} resolvedAt={incident.resolvedAt} dataLossSeconds={incident.dataLossSeconds} objectives={objectives} />

      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="grid content-start gap-6">
          <Panel title="Impact">
            <p className="whitespace-pre-wrap text-sm">{incident.impact}</p>
            {incident.description && (
              <div className="mt-3 border-t border-slate-100 pt-3 text-sm">
                <Markdown>{incident.description}</Markdown>
              </div>
            )}
          </Panel>
          {incident.resolution && (
            <Panel title="Resolution">
              <dl className="grid gap-2 text-sm sm:grid-cols-[8rem_1fr]" data-testid="resolution">
                <dt className="font-medium text-slate-700">Resolution</dt>
                <dd className="whitespace-pre-wrap">{incident.resolution}</dd>
                <dt className="font-medium text-slate-700">Prevention</dt>
                <dd className="whitespace-pre-wrap">{incident.prevention || "—"}</dd>
                <dt className="font-medium text-slate-700">Follow-up</dt>
                <dd className="whitespace-pre-wrap">{incident.followUp || "—"}</dd>
              </dl>
            </Panel>
          )}
          <PagingPanel incidentId={id} initial={paging} />
          <RecoveryActions incidentId={id} open={open} runbooks={runbooks} runs={runs} role={role} />
          <Panel title="Timeline">
            <Timeline events={incident.timeline} />
          </Panel>
        </div>
        <div className="grid content-start gap-6">
          <Panel title="Roles">
            <ul className="space-y-1 text-sm" data-testid="incident-roles">
              {currentRoles.length === 0 && <li className="text-slate-600">Nobody assigned.</li>}
              {currentRoles.map((assignment) => (
                <li key={`${assignment.role}-${assignment.userId}`}>
                  <span className="text-slate-600">{incidentRoleLabel[assignment.role as IncidentRoleName]}:</span> {assignment.name}
                </li>
              ))}
            </ul>
          </Panel>
          {!open && <IncidentPostmortem incident={incident} role={role} />}
          <IncidentActions incident={incident} role={role} choices={choices} />
        </div>
      </div>
    </div>
  );
}
