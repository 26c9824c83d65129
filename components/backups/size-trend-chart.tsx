"use client";

import { useMemo } from "react";
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatBytes, SIZE_TREND_DAYS } from "@/lib/backups/format";
import { formatTimestamp } from "@/lib/format/time";
import { useTimeZone } from "@/components/ui/timestamp";

const STROKE = "#0369a1";
const FILL = "#bae6fd";

export interface SizePoint {
  finishedAt: string;
  sizeBytes: number;
}

/** Sizes of a system's latest good backups, oldest first: a sudden drop or jump is worth a look. */
export function SizeTrendChart({ trend }: { trend: SizePoint[] }) {
  const zone = useTimeZone();
  const dayFormat = useMemo(() => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: zone }), [zone]);
  const data = trend.map((point) => ({ at: new Date(point.finishedAt).getTime(), size: point.sizeBytes }));
  const first = trend[0]!;
  const last = trend[trend.length - 1]!;
  return (
    <figure data-testid="size-trend" className="min-w-0">
      <figcaption className="text-xs text-slate-600" data-testid="size-trend-summary">
        Last {SIZE_TREND_DAYS} days, each day&rsquo;s last good backup ({trend.length} day{trend.length === 1 ? "" : "s"} with one): {formatBytes(first.sizeBytes)}
        {trend.length > 1 ? ` → ${formatBytes(last.sizeBytes)}` : ""}
      </figcaption>
      <div aria-hidden="true" className="mt-1 w-full">
        <ResponsiveContainer width="100%" height={120}>
          <AreaChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" />
            <XAxis
              dataKey="at"
              type="number"
              scale="time"
              domain={["dataMin", "dataMax"]}
              tick={{ fontSize: 11 }}
              tickFormatter={(value: number) => dayFormat.format(value)}
              minTickGap={24}
            />
            <YAxis width={72} tick={{ fontSize: 11 }} tickFormatter={(value: number) => formatBytes(value)} domain={[0, "auto"]} />
            <Tooltip formatter={(value) => formatBytes(Number(value))} labelFormatter={(label) => formatTimestamp(new Date(Number(label)).toISOString(), zone)} />
            <Area dataKey="size" name="Size" type="monotone" stroke={STROKE} fill={FILL} dot={trend.length < 3} isAnimationActive={false} />
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
