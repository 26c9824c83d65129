"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatSpan } from "@/lib/format/time";
import type { WeekFigures } from "@/lib/incidents/metrics";
import { ChartCard } from "./chart-card";
import { toMinutes, weekLabel } from "./format";

/** The mean over all weeks, weighted by how many incidents each week's mean covers. */
function overallMean(weeks: WeekFigures[], mean: "mttaSeconds" | "mttrSeconds", count: "acknowledged" | "resolved") {
  const n = weeks.reduce((sum, week) => sum + week[count], 0);
  const total = weeks.reduce((sum, week) => sum + (week[mean] ?? 0) * week[count], 0);
  return { n, text: n === 0 ? "none yet" : formatSpan(total / n) };
}

export function ResponseTimesChart({ weeks }: { weeks: WeekFigures[] }) {
  const mtta = overallMean(weeks, "mttaSeconds", "acknowledged");
  const mttr = overallMean(weeks, "mttrSeconds", "resolved");
  const data = weeks.map((week) => ({ week: weekLabel(week.weekStart), mtta: toMinutes(week.mttaSeconds), mttr: toMinutes(week.mttrSeconds) }));
  const span = (seconds: number | null) => (seconds === null ? "–" : formatSpan(seconds));
  return (
    <ChartCard
      title="Time to acknowledge and to resolve"
      testId="chart-response-times"
      summary={`By week of declaration. Over ${weeks.length} weeks: mean time to acknowledge ${mtta.text} (${mtta.n} incidents), mean time to resolve ${mttr.text} (${mttr.n} incidents).`}
      table={{
        columns: ["Week of", "MTTA", "Acknowledged", "MTTR", "Resolved"],
        rows: weeks.map((week) => ({
          key: week.weekStart,
          cells: [weekLabel(week.weekStart), span(week.mttaSeconds), week.acknowledged, span(week.mttrSeconds), week.resolved],
        })),
      }}
      empty={
        mtta.n === 0 && mttr.n === 0
          ? {
              title: `No incident from the last ${weeks.length} weeks has been acknowledged or resolved yet.`,
              body: "The weekly mean times to acknowledge (MTTA) and to resolve (MTTR) will appear here, in minutes.",
            }
          : null
      }
    >
      <ResponsiveContainer width="100%" height={256}>
        <LineChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="week" tick={{ fontSize: 12 }} minTickGap={8} />
          <YAxis width={44} tick={{ fontSize: 12 }} tickFormatter={(minutes: number) => `${minutes}m`} />
          <Tooltip formatter={(value) => `${value} min`} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          <Line type="monotone" dataKey="mtta" name="MTTA (minutes)" stroke="#0284c7" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
          <Line type="monotone" dataKey="mttr" name="MTTR (minutes)" stroke="#e13d13" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
