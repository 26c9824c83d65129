import type { Metadata } from "next";
import { connection } from "next/server";
import { AlertMappingForm } from "@/components/alerts/mapping-form";
import { AlertMappingSummary } from "@/components/alerts/mapping-summary";
import { ReceiverConfig } from "@/components/alerts/receiver-config";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { getAlertMapping } from "@/lib/alerts/mapping";
import { mappingToForm } from "@/lib/alerts/mapping-form";
import { hasRole } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/env";
import { listSeverityLevels, listSystems } from "@/lib/plan/queries";

export const metadata: Metadata = { title: "Alertmanager" };

export default async function AlertSettingsPage() {
  // Read at request time, never at build (there is no database then).
  await connection();
  const [user, mapping, severities, systems] = await Promise.all([currentUser(), getAlertMapping(db), listSeverityLevels(), listSystems()]);
  return (
    <>
      <PageHeader
        title="Alertmanager"
        description="Firing alerts open incidents; their labels pick the severity (and so who is paged) and the affected systems."
      />
      <div className="grid gap-6">
        <Panel title="How alert labels map">
          {hasRole(user?.role, "admin") ? (
            <AlertMappingForm values={mappingToForm(mapping)} severities={severities} systems={systems} />
          ) : (
            <>
              <AlertMappingSummary mapping={mapping} />
              <p className="mt-3 text-sm text-slate-600">Only admins change the mapping.</p>
            </>
          )}
        </Panel>
        <Panel title="Connect Alertmanager">
          <ReceiverConfig url={`${publicUrl()}/api/webhooks/alertmanager`} />
        </Panel>
      </div>
    </>
  );
}
