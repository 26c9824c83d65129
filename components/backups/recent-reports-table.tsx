import type { RecentReport } from "@/lib/backups/queries";
import { formatBytes } from "@/lib/backups/format";
import { Timestamp } from "@/components/ui/timestamp";
import { kindLabel, VerifiedBadge } from "./report-labels";

/** The latest reports from every system, failed ones marked in words and colour. */
export function RecentReportsTable({ reports }: { reports: RecentReport[] }) {
  if (reports.length === 0) return <p className="text-sm text-slate-600">No backup has been reported yet.</p>;
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Recent backup reports">
      <table className="w-full text-left text-sm" data-testid="backup-reports">
        <thead className="text-slate-600">
          <tr>
            {["Finished", "System", "Kind", "Result", "Size", "Location", "Verification"].map((column) => (
              <th key={column} scope="col" className="py-2 pr-4 font-medium whitespace-nowrap">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {reports.map((report) => (
            <tr key={report.id} data-testid="backup-report" data-status={report.status} className={report.status === "failed" ? "bg-red-50" : undefined}>
              <td className="py-2 pr-4 whitespace-nowrap"><Timestamp iso={report.finishedAt} /></td>
              <td className="py-2 pr-4 whitespace-nowrap">{report.system.name}</td>
              <td className="py-2 pr-4 whitespace-nowrap">{kindLabel(report.kind)}</td>
              <td className="py-2 pr-4 whitespace-nowrap">
                {report.status === "failed" ? <span className="font-semibold text-red-700">Failed</span> : <span className="text-emerald-800">Succeeded</span>}
              </td>
              <td className="py-2 pr-4 whitespace-nowrap">{formatBytes(report.sizeBytes)}</td>
              <td className="max-w-64 truncate py-2 pr-4 font-mono text-xs" title={report.location}>
                {report.location}
              </td>
              <td className="py-2 whitespace-nowrap">
                <VerifiedBadge verified={report.verified} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
