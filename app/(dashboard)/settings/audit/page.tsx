import type { Metadata } from "next";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { AuditPager } from "@/components/audit/audit-pager";
import { AuditEntries } from "@/components/audit/audit-entries";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listAuditEntries, parseAuditFilters } from "@/lib/audit/queries";
import { currentUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await currentUser();
  // Checked before anything is read: for anyone else the log is not even queried.
  if (!hasRole(user?.role, "admin")) {
    return (
      <>
        <PageHeader title="Audit log" />
        <EmptyState title="Only admins can read the audit log." />
      </>
    );
  }
  const filters = parseAuditFilters(await searchParams);
  const page = await listAuditEntries(db, filters);
  const filtered = Boolean(filters.action || filters.actor);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who did what, when, to what, newest first. Firebreak only ever adds to this log: nothing in the app changes or deletes an entry."
      />
      <AuditFilterForm filters={filters} />
      {page.entries.length === 0 ? (
        <EmptyState title={filtered ? "No audit entries match these filters." : "No audit entries yet."}>
          {filtered ? "Try a shorter action prefix or another actor." : "Changes to users, incidents and settings will be listed here as they happen."}
        </EmptyState>
      ) : (
        <AuditEntries entries={page.entries} />
      )}
      <AuditPager filters={filters} page={page} />
    </>
  );
}
