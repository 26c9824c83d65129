"use client";

import { formatDuration } from "@/lib/config/duration";
import { formatSpan } from "@/lib/format/time";
import { assessRecovery, type Objectives } from "@/lib/incidents/rules";
import { useNow } from "./use-now";

interface RecoveryClocksProps {
  declaredAt: string;
  resolvedAt: string | null;
  dataLossSeconds: number | null;
  objectives: Objectives;
}

/** Time to recover against RTO and MTD (running until resolution), and data loss against RPO. */
export function RecoveryClocks({ declaredAt, resolvedAt, dataLossSeconds, objectives }: RecoveryClocksProps) {
  const now = useNow();
  const reference = resolvedAt ? new Date(resolvedAt) : now;
  if (!reference) return null;
  const result = assessRecovery({ declaredAt: new Date(declaredAt), resolvedAt: resolvedAt ? new Date(resolvedAt) : null, dataLossSeconds }, objectives, reference);
  const running = !resolvedAt;
  return (
    <dl className="grid gap-3 sm:grid-cols-3" data-testid="recovery-clocks">
      <Clock
        label={running ? "Time to recover (running)" : "Time to recover"}
        value={formatSpan(result.timeToRecoverSeconds)}
        target={`RTO ${formatDuration(objectives.rtoSeconds)}`}
        breached={result.rtoBreached}
        testId="rto"
      />
      <Clock
        label="Against maximum tolerable downtime"
        value={formatSpan(result.timeToRecoverSeconds)}
        target={`MTD ${formatDuration(objectives.mtdSeconds)}`}
        breached={result.mtdBreached}
        testId="mtd"
      />
      <Clock
        label="Data loss"
        value={dataLossSeconds === null ? "not recorded" : formatSpan(dataLossSeconds)}
        target={`RPO ${formatDuration(objectives.rpoSeconds)}`}
        breached={result.rpoBreached}
        testId="rpo"
      />
    </dl>
  );
}

function Clock({ label, value, target, breached, testId }: { label: string; value: string; target: string; breached: boolean; testId: string }) {
  return (
    <div className={`rounded-md border p-3 ${breached ? "border-red-300 bg-red-50" : "border-slate-200 bg-white"}`} data-testid={`clock-${testId}`} data-breached={breached}>
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
      <dd className={`text-xs ${breached ? "font-semibold text-red-700" : "text-slate-600"}`}>
        {target}
        {breached ? " · breached" : " · within"}
      </dd>
    </div>
  );
}
