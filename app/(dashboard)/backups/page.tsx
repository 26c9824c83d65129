import type { Metadata } from "next";
import { BackupSystemCard } from "@/components/backups/backup-system-card";
import { RecentReportsTable } from "@/components/backups/recent-reports-table";
import { StalenessSettingsForm } from "@/components/backups/staleness-settings-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { hasRole } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";
import { listBackupSystems, listRecentReports } from "@/lib/backups/queries";
import { getStalenessSettings } from "@/lib/backups/staleness-settings";
import { formatDuration } from "@/lib/config/duration";
import { db } from "@/lib/db/client";
import { getObjectives } from "@/lib/incidents/objectives";
import { listSeverityLevels } from "@/lib/plan/queries";

export const metadata: Metadata = { title: "Backups" };
// Read at request time: the build has no database to read.
export const dynamic = "force-dynamic";

export default async function BackupsPage() {
  const [user, objectives, systems, reports, staleness, severities] = await Promise.all([
    currentUser(),
    getObjectives(db),
    listBackupSystems(),
    listRecentReports(),
    getStalenessSettings(db),
    listSeverityLevels(),
  ]);
  const renderedAt = new Date().toISOString();
  const rpo = formatDuration(objectives.rpoSeconds);
  return (
    <>
      <PageHeader
        title="Backups"
        description={`Each system's last good backup as its backup scripts report it, against the RPO of ${rpo}: green within half the RPO, amber within it, red beyond it.`}
      />
      <div className="grid grid-cols-1 gap-6">
        {systems.length === 0 ? (
          <EmptyState title="No systems">Systems come from the plan&rsquo;s configuration; their backups appear here once reported.</EmptyState>
        ) : (
          <ul className="grid grid-cols-1 gap-4 lg:grid-cols-2" data-testid="backup-systems" aria-label="Systems">
            {systems.map((system) => (
              <li key={system.id} className="min-w-0">
                <BackupSystemCard system={system} rpoSeconds={objectives.rpoSeconds} renderedAt={renderedAt} />
              </li>
            ))}
          </ul>
        )}
        <Panel title="Recent reports">
          <RecentReportsTable reports={reports} />
        </Panel>
        <Panel title="When backups are stale">
          <p className="mb-3 text-sm text-slate-600" data-testid="staleness-summary">
            Every minute Firebreak checks each system that has reported a good backup. When the last one is older than the RPO ({rpo}), it opens one{" "}
            <strong>{staleness.severityKey}</strong> incident for that system, and notes on it when a fresh backup arrives.
          </p>
          {hasRole(user?.role, "admin") ? (
            <StalenessSettingsForm severityKey={staleness.severityKey} severities={severities} />
          ) : (
            <p className="text-sm text-slate-600">Only admins change this severity.</p>
          )}
        </Panel>
      </div>
    </>
  );
}
