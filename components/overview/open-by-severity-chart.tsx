"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { OpenFigures } from "@/lib/incidents/metrics";
import { ChartCard } from "./chart-card";
import { severityColor } from "./format";

export function OpenBySeverityChart({ open }: { open: OpenFigures }) {
  const severities = open.bySeverity.map((row) => row.severity);
  // One bar per severity, each in its own colour: a row carries only its own severity's count.
  const data = open.bySeverity.map((row) => ({ severity: row.severity, [row.severity]: row.count }));
  return (
    <ChartCard
      title="Open incidents by severity"
      testId="chart-open-by-severity"
      summary={`${open.total} open: ${open.bySeverity.map((row) => `${row.count} ${row.severity}`).join(", ")}.`}
      table={{ columns: ["Severity", "Open"], rows: open.bySeverity.map((row) => ({ key: row.severity, cells: [row.severity, row.count] })) }}
      empty={
        open.total === 0
          ? { title: "Nothing is open right now.", body: "Declared, acknowledged and mitigated incidents will appear here, counted by severity." }
          : null
      }
    >
      <ResponsiveContainer width="100%" height={256}>
        <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="severity" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} width={32} tick={{ fontSize: 12 }} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} />
          {severities.map((severity, index) => (
            <Bar key={severity} dataKey={severity} name={severity} stackId="open" fill={severityColor(severity, index)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
