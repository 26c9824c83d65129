"use client";

import { formatSpan } from "@/lib/format/time";
import { useNow } from "./use-now";

interface AckTimerProps {
  ackDueAt: string;
  acknowledgedAt: string | null;
  breachedAt: string | null;
  declaredAt: string;
}

/** The acknowledge-by target as a live countdown; past it, the incident is shown breached. */
export function AckTimer({ ackDueAt, acknowledgedAt, breachedAt, declaredAt }: AckTimerProps) {
  const now = useNow();
  const due = new Date(ackDueAt).getTime();
  if (acknowledgedAt) {
    const took = (new Date(acknowledgedAt).getTime() - new Date(declaredAt).getTime()) / 1000;
    const late = Boolean(breachedAt) || new Date(acknowledgedAt).getTime() > due;
    return (
      <span data-testid="ack-timer" data-state={late ? "breached" : "met"} className={late ? "font-medium text-red-700" : "text-emerald-700"}>
        Acknowledged in {formatSpan(took)}
        {late ? " · target breached" : " · target met"}
      </span>
    );
  }
  if (!now) return <span data-testid="ack-timer">Acknowledge by {new Date(ackDueAt).toISOString().slice(11, 16)} UTC</span>;
  const left = (due - now.getTime()) / 1000;
  if (left <= 0 || breachedAt) {
    return (
      <span data-testid="ack-timer" data-state="breached" className="font-semibold text-red-700">
        Breached · unacknowledged {formatSpan(-left)} past target
      </span>
    );
  }
  return (
    <span data-testid="ack-timer" data-state="running" className={left < 300 ? "font-semibold text-amber-700" : "text-slate-700"}>
      Acknowledge within <span className="tabular-nums">{formatSpan(left)}</span>
    </span>
  );
}
