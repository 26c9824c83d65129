"use client";

import { fetchHealth, type HealthReport } from "@/lib/health/report";
import { healthKeys } from "@/lib/live/query-keys";
import type { Rendered } from "@/lib/live/rendered";
import { useLiveData } from "@/components/live/use-live-data";

/**
 * Tells admins and commanders that nothing goes out while no worker runs. The server renders the
 * first report; the live stream's "workers" message refetches it, so it comes and goes by itself.
 */
export function WorkerBanner({ initial }: { initial: Rendered<HealthReport> }) {
  const data = useLiveData({ queryKey: healthKeys.all, url: "/api/health", read: fetchHealth, initial });
  // A database that does not answer is the error page's to say, not this banner's.
  if (data.database !== "ok" || data.workers > 0) return null;
  return (
    <div role="alert" data-testid="worker-banner" className="mb-6 rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
      <p className="font-semibold">No worker is running: pages, escalations and runbook runs are not being sent or run.</p>
      <p className="mt-1">
        They wait in the queue and go out once a worker runs. Start one with <code className="font-mono">npm run worker</code> (or{" "}
        <code className="font-mono">npm start</code>, which runs the web server and a worker together).
      </p>
    </div>
  );
}
