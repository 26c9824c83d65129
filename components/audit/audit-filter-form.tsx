import Link from "next/link";
import { Field } from "@/components/ui/field";
import type { AuditFilters } from "@/lib/audit/queries";

/** A plain GET form: the filters live in the URL, so a filtered view can be shared and works without script. */
export function AuditFilterForm({ filters }: { filters: AuditFilters }) {
  return (
    <form method="get" action="/settings/audit" role="search" aria-label="Filter the audit log" className="mb-4 flex flex-wrap items-end gap-3" data-testid="audit-filters">
      <Field label="Action starts with" name="action" defaultValue={filters.action ?? ""} placeholder="incident." />
      <Field label="Actor" name="actor" defaultValue={filters.actor ?? ""} placeholder="email or system" />
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-800">
        Filter
      </button>
      {(filters.action || filters.actor) && (
        <Link href="/settings/audit" className="py-2 text-sm underline">
          Clear filters
        </Link>
      )}
    </form>
  );
}
