import Link from "next/link";
import type { BackupSystem } from "@/lib/backups/queries";
import { formatBytes, shortChecksum } from "@/lib/backups/format";
import { Timestamp } from "@/components/ui/timestamp";
import { FreshnessCard } from "./freshness-card";
import { kindLabel, VerifiedBadge } from "./report-labels";
import { SizeTrendChart } from "./size-trend-chart";

interface BackupSystemCardProps {
  system: BackupSystem;
  rpoSeconds: number;
  renderedAt: string;
}

/** One system: its last good backup, whether it is within the RPO, any open staleness incident, and its size trend. */
export function BackupSystemCard({ system, rpoSeconds, renderedAt }: BackupSystemCardProps) {
  const { lastGood, staleIncident } = system;
  return (
    <FreshnessCard system={system} lastGoodAt={lastGood?.finishedAt ?? null} verified={lastGood?.verified} rpoSeconds={rpoSeconds} renderedAt={renderedAt}>
      {staleIncident && (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="backup-stale-incident">
          Open incident:{" "}
          <Link className="font-medium underline" href={`/incidents/${staleIncident.id}`}>
            {staleIncident.reference} {staleIncident.title}
          </Link>
        </p>
      )}
      {lastGood && (
        <>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-600">Finished</dt>
            <dd><Timestamp iso={lastGood.finishedAt} /></dd>
            <dt className="text-slate-600">Kind</dt>
            <dd>{kindLabel(lastGood.kind)}</dd>
            <dt className="text-slate-600">Location</dt>
            <dd className="font-mono text-xs break-all">{lastGood.location}</dd>
            <dt className="text-slate-600">Size</dt>
            <dd>{formatBytes(lastGood.sizeBytes)}</dd>
            <dt className="text-slate-600">Checksum</dt>
            <dd className="font-mono text-xs" title={lastGood.checksum}>
              {shortChecksum(lastGood.checksum)}
            </dd>
            <dt className="text-slate-600">Encrypted</dt>
            <dd>{lastGood.encrypted ? "Yes" : "No"}</dd>
            <dt className="text-slate-600">Verification</dt>
            <dd>
              <VerifiedBadge verified={lastGood.verified} />
            </dd>
          </dl>
          <SizeTrendChart trend={system.trend} />
        </>
      )}
    </FreshnessCard>
  );
}
