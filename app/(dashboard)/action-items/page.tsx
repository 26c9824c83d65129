import type { Metadata } from "next";
import Link from "next/link";
import { ActionItemFiltersForm } from "@/components/action-items/action-item-filters";
import { ActionItemTable } from "@/components/action-items/action-item-table";
import { utcToday } from "@/components/action-items/utc-today";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { ACTION_ITEM_LIST_LIMIT, listActionItems, listAssignableOwners, parseActionItemFilters } from "@/lib/postmortems/action-items/list";

export const metadata: Metadata = { title: "Action items" };

export default async function ActionItemsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = parseActionItemFilters(await searchParams);
  const today = utcToday();
  const [user, list, owners] = await Promise.all([currentUser(), listActionItems(db, filters, today), listAssignableOwners(db)]);
  return (
    <>
      <PageHeader title="Action items" description="What post-mortems said would change, tracked to done." />
      <p className="-mt-4 mb-4 flex gap-4 text-sm" data-testid="action-item-counts">
        <span>
          <strong data-testid="open-action-items">{list.counts.open}</strong> open
        </span>
        <Link href="/action-items?overdue=1" className={list.counts.overdue > 0 ? "text-red-700 underline" : "underline"}>
          <strong data-testid="overdue-action-items">{list.counts.overdue}</strong> overdue
        </Link>
      </p>
      <ActionItemFiltersForm filters={filters} owners={owners} />
      {list.items.length === 0 ? (
        <EmptyState title="No action items match these filters">Action items are added on a post-mortem&rsquo;s page.</EmptyState>
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <ActionItemTable items={list.items} today={today} canEdit={hasRole(user?.role, "responder")} showSource />
          {list.matching > list.items.length && (
            <p className="border-t border-slate-100 px-3 py-2 text-sm text-slate-600">
              Showing the first {ACTION_ITEM_LIST_LIMIT} of {list.matching}: narrow the filters to see the rest.
            </p>
          )}
        </div>
      )}
    </>
  );
}
