"use client";

import { useLiveUpdates, type LiveStatus } from "./use-live-updates";

const appearance: Record<LiveStatus, { label: string; dot: string }> = {
  connecting: { label: "Connecting…", dot: "bg-slate-400" },
  live: { label: "Live", dot: "bg-emerald-500" },
  reconnecting: { label: "Reconnecting…", dot: "bg-amber-500" },
  offline: { label: "Offline", dot: "bg-amber-500" },
  stopped: { label: "Live updates stopped: sign in again", dot: "bg-red-500" },
};

/** Keeps this tab's data current with changes made anywhere, and says whether it is. */
export function LiveUpdates() {
  const { label, dot } = appearance[useLiveUpdates()];
  return (
    <p
      data-testid="live-status"
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed bottom-3 right-3 z-30 flex items-center gap-1.5 rounded-full border border-slate-200 bg-white/90 px-2.5 py-1 text-xs text-slate-600 shadow-sm"
    >
      <span aria-hidden="true" className={`size-2 rounded-full ${dot}`} />
      {label}
    </p>
  );
}
