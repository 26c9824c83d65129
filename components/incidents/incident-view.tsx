"use client";

import { useEffect, useRef } from "react";
import type { Role } from "@/lib/auth/roles";
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
import { Timestamp } from "@/components/ui/timestamp";
import { AckTimer } from "./ack-timer";
import { AcknowledgeButton, IncidentActions, IncidentComposer, type ActionChoices } from "./incident-actions";
import { RecoveryClocks } from "./recovery-clocks";
import { DemoBadge, StatusBadge } from "./status-badge";
import { Timeline } from "./timeline";

/**
 * The timeline as a conversation: oldest first, scrolled to the newest, which sits just above the
 * composer; it follows each new entry. Focusable so it scrolls from the keyboard.
 */
function Conversation({ count, children }: { count: number; children: React.ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.scrollTo({ top: box.current.scrollHeight });
  }, [count]);
  return (
    <div ref={box} tabIndex={0} role="region" aria-label="Timeline entries, oldest first" className="-mx-1 mb-4 max-h-[36rem] overflow-y-auto px-1" data-testid="conversation">
      {children}
    </div>
  );
}

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
  // The tab follows the incident as it changes, as the server's title said when it rendered.
  const tabTitle = `${incident.reference} · ${incident.severity} · ${incident.status} · Firebreak`;
  useEffect(() => {
    const prefix = /^\(\d+\) /.exec(document.title)?.[0] ?? "";
    document.title = `${prefix}${tabTitle}`;
  }, [tabTitle]);
  const open = incident.status !== "resolved" && incident.status !== "closed";
  return (
    <div className="grid grid-cols-1 gap-6">
      <header className="grid grid-cols-1 gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <SeverityBadge level={incident.severity} />
          <StatusBadge status={incident.status} />
          {incident.isDemo && <DemoBadge />}
          <span className="text-sm text-slate-600">{incident.reference}</span>
        </div>
        <h1 className="text-2xl font-semibold tracking-tight [overflow-wrap:anywhere]" data-testid="incident-title">
          {incident.title}
        </h1>
        {open ? (
          <p className="text-base">
            <AckTimer ackDueAt={incident.ackDueAt} acknowledgedAt={incident.acknowledgedAt} breachedAt={incident.breachedAt} declaredAt={incident.declaredAt} />
          </p>
        ) : (
          incident.breachedAt && (
            <p className="text-sm font-medium text-red-700" data-testid="ack-breached">
              The acknowledge-by target was breached.
            </p>
          )
        )}
        <AcknowledgeButton incident={incident} role={role} />
        <p className="text-sm text-slate-600">
          Declared <Timestamp iso={incident.declaredAt} />
          {incident.declaredBy ? ` by ${incident.declaredBy}` : ""} · {incident.systems.join(", ")}
        </p>
      </header>

      {/*
        A phone shows one column in the order a responder needs it: who is paged and what escalates
        next, then the conversation with its composer, then the rest. A desktop shows the timeline
        beside the main column. The columns are "contents" on a phone so their panels can be ordered.
      */}
      <div className="flex flex-col gap-6 lg:grid lg:grid-cols-[3fr_2fr] lg:items-start">
        <div className="contents lg:grid lg:content-start lg:gap-6">
          <div className="order-1">
            <PagingPanel incidentId={id} initial={paging} />
          </div>
          <div className="order-3">
            <RecoveryClocks declaredAt={incident.declaredAt} resolvedAt={incident.resolvedAt} dataLossSeconds={incident.dataLossSeconds} objectives={objectives} />
          </div>
          <div className="order-3">
            <Panel title="Impact">
              <p className="whitespace-pre-wrap text-sm [overflow-wrap:anywhere]">{incident.impact}</p>
              {incident.description && (
                <div className="mt-3 border-t border-slate-100 pt-3 text-sm [overflow-wrap:anywhere]">
                  <Markdown>{incident.description}</Markdown>
                </div>
              )}
            </Panel>
          </div>
          {incident.resolution && (
            <div className="order-3">
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
            </div>
          )}
          <div className="order-4">
            <RecoveryActions incidentId={id} open={open} runbooks={runbooks} runs={runs} role={role} />
          </div>
          {!open && (
            <div className="order-4">
              <IncidentPostmortem incident={incident} role={role} />
            </div>
          )}
          <div className="order-5">
            <IncidentActions incident={incident} role={role} choices={choices} />
          </div>
        </div>
        <div className="contents lg:grid lg:content-start lg:gap-6">
          <div className="order-2">
            <Panel title="Timeline">
              <Conversation count={incident.timeline.length}>
                <Timeline events={incident.timeline} />
              </Conversation>
              <IncidentComposer incident={incident} role={role} />
            </Panel>
          </div>
          <div className="order-5">
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
          </div>
        </div>
      </div>
    </div>
  );
}
