"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { WeekFigures } from "@/lib/incidents/metrics";
import { ChartCard } from "./chart-card";
import { severityColor, weekLabel } from "./format";

export function WeeklyIncidentsChart({ weeks, severities }: { weeks: WeekFigures[]; severities: string[] }) {
  const totals = weeks.map((week) => Object.values(week.declared).reduce((sum, count) => sum + count, 0));
  const total = totals.reduce((sum, count) => sum + count, 0);
  const busiest = totals.indexOf(Math.max(...totals));
  const data = weeks.map((week) => ({ week: weekLabel(week.weekStart), ...week.declared }));
  return (
    <ChartCard
      title="Incidents per week"
      testId="chart-weekly-incidents"
      summary={`${total} incidents declared in the last ${weeks.length} weeks; the busiest was the week of ${weekLabel(weeks[busiest]!.weekStart)} with ${totals[busiest]}.`}
      table={{
        columns: ["Week of", ...severities, "Total"],
        rows: weeks.map((week, index) => ({
          key: week.weekStart,
          cells: [weekLabel(week.weekStart), ...severities.map((severity) => week.declared[severity] ?? 0), totals[index]],
        })),
      }}
      empty={
        total === 0
          ? { title: `No incidents declared in the last ${weeks.length} weeks.`, body: "Each week's declared incidents will appear here, stacked by severity." }
          : null
      }
    >
      <ResponsiveContainer width="100%" height={256}>
        <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="week" tick={{ fontSize: 12 }} minTickGap={8} />
          <YAxis allowDecimals={false} width={32} tick={{ fontSize: 12 }} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {severities.map((severity, index) => (
            <Bar key={severity} dataKey={severity} name={severity} stackId="week" fill={severityColor(severity, index)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
