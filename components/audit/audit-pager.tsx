import Link from "next/link";
import { auditSearch, type AuditFilters, type AuditPage } from "@/lib/audit/queries";

export function AuditPager({ filters, page }: { filters: AuditFilters; page: AuditPage }) {
  if (!page.newer && !page.older) return null;
  const filter = { action: filters.action, actor: filters.actor };
  const link = "rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100";
  return (
    <nav aria-label="Audit log pages" className="mt-4 flex flex-wrap justify-between gap-2">
      {page.newer ? (
        <Link className={link} href={`/settings/audit${auditSearch({ ...filter, after: page.newer })}`} rel="prev">
          ← Newer entries
        </Link>
      ) : (
        <span />
      )}
      {page.older && (
        <Link className={link} href={`/settings/audit${auditSearch({ ...filter, before: page.older })}`} rel="next">
          Older entries →
        </Link>
      )}
    </nav>
  );
}
