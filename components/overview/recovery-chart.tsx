"use client";

import Link from "next/link";
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDuration } from "@/lib/config/duration";
import { formatSpan } from "@/lib/format/time";
import { ChartCard } from "./chart-card";
import { BREACH_FILL, OBJECTIVE_STROKE, toHours, toMinutes, WITHIN_FILL } from "./format";

export interface RecoveryBar {
  id: string;
  reference: string;
  title: string;
  /** null when the incident did not record it. */
  seconds: number | null;
  breached: boolean;
}

interface RecoveryChartProps {
  title: string;
  testId: string;
  /** What each bar measures, e.g. "Time to recover". */
  measure: string;
  objective: { name: string; seconds: number };
  unit: "hours" | "minutes";
  incidents: RecoveryBar[];
  empty: { title: string; body: string };
}

/** One bar per resolved incident against a recovery objective; bars over the objective are red. */
export function RecoveryChart({ title, testId, measure, objective, unit, incidents, empty }: RecoveryChartProps) {
  const scale = (seconds: number) => (unit === "hours" ? toHours(seconds) : toMinutes(seconds)!);
  const recorded = incidents.filter((incident) => incident.seconds !== null);
  const breaches = recorded.filter((incident) => incident.breached).length;
  const missing = incidents.length - recorded.length;
  const limit = scale(objective.seconds);
  const objectiveText = formatDuration(objective.seconds);
  const data = recorded.map((incident) => ({
    reference: incident.reference,
    title: incident.title,
    within: incident.breached ? null : scale(incident.seconds!),
    over: incident.breached ? scale(incident.seconds!) : null,
  }));
  return (
    <ChartCard
      title={title}
      testId={testId}
      summary={
        `${breaches} of the last ${recorded.length} resolved incidents exceeded the ${objective.name} of ${objectiveText}.` +
        (missing > 0 ? ` ${missing} more did not record it.` : "")
      }
      table={{
        columns: ["Incident", "Title", measure, `Over ${objective.name}`],
        rows: incidents.map((incident) => ({
          key: incident.id,
          cells: [
            <Link key="link" className="underline" href={`/incidents/${incident.id}`}>
              {incident.reference}
            </Link>,
            incident.title,
            incident.seconds === null ? "not recorded" : formatSpan(incident.seconds),
            incident.breached ? "yes" : "no",
          ],
        })),
      }}
      empty={recorded.length === 0 ? empty : null}
    >
      <ResponsiveContainer width="100%" height={256}>
        <BarChart data={data} accessibilityLayer={false} margin={{ top: 16, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="reference" tick={{ fontSize: 11 }} minTickGap={6} />
          <YAxis
            width={44}
            tick={{ fontSize: 12 }}
            tickFormatter={(value: number) => `${value}${unit === "hours" ? "h" : "m"}`}
            domain={[0, (max: number) => Math.ceil(Math.max(max, limit) * 1.15)]}
          />
          <Tooltip
            cursor={{ fill: "#f1f5f9" }}
            formatter={(value) => `${value} ${unit}`}
            labelFormatter={(label, payload) => `${label} · ${payload?.[0]?.payload?.title ?? ""}`}
          />
          <Bar dataKey="within" name={`Within ${objective.name}`} stackId="recovery" fill={WITHIN_FILL} isAnimationActive={false} />
          <Bar dataKey="over" name={`Over ${objective.name}`} stackId="recovery" fill={BREACH_FILL} isAnimationActive={false} />
          <ReferenceLine y={limit} stroke={OBJECTIVE_STROKE} strokeDasharray="6 3" strokeWidth={2} />
        </BarChart>
      </ResponsiveContainer>
      {/* The key is plain HTML, so the objective's label never hides behind a bar. */}
      <ul className="mt-2 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-slate-700">
        <li className="flex items-center gap-1.5">
          <span className="inline-block size-3 rounded-sm" style={{ background: WITHIN_FILL }} />
          Within {objective.name}
        </li>
        <li className="flex items-center gap-1.5">
          <span className="inline-block size-3 rounded-sm" style={{ background: BREACH_FILL }} />
          Over {objective.name}
        </li>
        <li className="flex items-center gap-1.5">
          <span className="inline-block w-5 border-t-2 border-dashed" style={{ borderColor: OBJECTIVE_STROKE }} />
          {objective.name} {objectiveText}
        </li>
      </ul>
    </ChartCard>
  );
}
