"use client";

import { useNow } from "@/components/incidents/use-now";
import { formatDuration } from "@/lib/config/duration";
import { freshnessLabel, freshnessOf, type Freshness } from "@/lib/backups/freshness-level";
import { formatSpan } from "@/lib/format/time";

const tone: Record<Freshness, { badge: string; edge: string }> = {
  green: { badge: "bg-emerald-50 text-emerald-800 ring-emerald-200", edge: "border-l-emerald-500" },
  amber: { badge: "bg-amber-50 text-amber-900 ring-amber-300", edge: "border-l-amber-500" },
  red: { badge: "bg-red-50 text-red-800 ring-red-200", edge: "border-l-red-600" },
  none: { badge: "bg-slate-100 text-slate-700 ring-slate-200", edge: "border-l-slate-300" },
};

interface FreshnessCardProps {
  system: { key: string; name: string };
  /** When the last good backup finished; null when the system never reported one. */
  lastGoodAt: string | null;
  rpoSeconds: number;
  /** Whether that backup was verified after it was written; an unverified one is never shown as fresh. */
  verified?: boolean;
  /** The server's clock at render, so the first paint matches the server's until the clock ticks here. */
  renderedAt: string;
  children: React.ReactNode;
}

/** A system's backup card: its age against the RPO, kept current by the second; the details come from the server. */
export function FreshnessCard({ system, lastGoodAt, rpoSeconds, verified = true, renderedAt, children }: FreshnessCardProps) {
  const now = useNow() ?? new Date(renderedAt);
  const ageSeconds = lastGoodAt === null ? null : Math.max(0, (now.getTime() - new Date(lastGoodAt).getTime()) / 1000);
  const byAge = freshnessOf(ageSeconds, rpoSeconds);
  // A backup nobody has restored or checked may not restore: recent, but not yet something to trust.
  const unverified = byAge === "green" && !verified;
  const freshness = unverified ? "amber" : byAge;
  return (
    <article
      data-testid="backup-system"
      data-system={system.key}
      data-freshness={freshness}
      aria-labelledby={`backup-system-${system.key}`}
      className={`flex h-full flex-col gap-3 rounded-lg border border-l-4 border-slate-200 bg-white p-4 shadow-sm ${tone[freshness].edge}`}
    >
      <header className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={`backup-system-${system.key}`} className="font-semibold">
          {system.name}
        </h3>
        <span className={`rounded px-2 py-0.5 text-xs font-medium ring-1 ${tone[freshness].badge}`} data-testid="backup-freshness">
          {unverified ? "Recent, not verified" : freshnessLabel[freshness]}
        </span>
      </header>
      <p className="text-sm text-slate-700" data-testid="backup-age">
        {ageSeconds === null ? (
          "No backups reported"
        ) : (
          <>
            Last good backup <span className="font-medium tabular-nums">{formatSpan(ageSeconds)}</span> ago · RPO {formatDuration(rpoSeconds)}
          </>
        )}
      </p>
      {children}
    </article>
  );
}
