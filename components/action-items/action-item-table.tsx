import Link from "next/link";
import { Fragment } from "react";
import { actionItemKindLabel, actionItemStatusLabel, isOverdue, type ActionItemView } from "@/lib/postmortems/action-items/view";
import { OverdueBadge, PriorityBadge } from "./action-item-badges";
import { ActionItemStatusControl } from "./action-item-status-control";

interface ActionItemTableProps {
  items: ActionItemView[];
  /** The UTC calendar day, "2026-03-10": items due before it and not finished are overdue. */
  today: string;
  /** Responder or above: a status control per row instead of its text. */
  canEdit: boolean;
  /** Links to each item's post-mortem and incident, for the list across post-mortems. */
  showSource?: boolean;
  /** A last cell per row, such as an edit button. */
  rowActions?: (item: ActionItemView) => React.ReactNode;
  /** A full-width row under an item, such as its edit form; null for none. */
  expanded?: (item: ActionItemView) => React.ReactNode;
}

const cell = "px-3 py-2";

export function ActionItemTable({ items, today, canEdit, showSource = false, rowActions, expanded }: ActionItemTableProps) {
  const headings = ["Title", "Owner", "Priority", "Kind", "Due", "Status", ...(showSource ? ["Post-mortem", "Incident"] : [])];
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Action items">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {headings.map((heading) => (
              <th key={heading} scope="col" className={`${cell} font-medium`}>
                {heading}
              </th>
            ))}
            {rowActions && (
              <th scope="col" className={cell}>
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const overdue = isOverdue(item, today);
            const below = expanded?.(item);
            return (
              <Fragment key={item.id}>
                <tr data-testid="action-item-row" data-overdue={String(overdue)} className={`border-b border-slate-100 align-top ${overdue ? "bg-red-50" : ""}`}>
                  <td className={`${cell} font-medium text-slate-900`}>{item.title}</td>
                  <td className={cell}>{item.owner?.name ?? <span className="text-slate-500">Unassigned</span>}</td>
                  <td className={cell}>
                    <PriorityBadge priority={item.priority} />
                  </td>
                  <td className={cell}>{actionItemKindLabel[item.kind]}</td>
                  <td className={`${cell} whitespace-nowrap ${overdue ? "font-medium text-red-700" : ""}`}>
                    {item.dueOn ?? <span className="text-slate-500">No date</span>} {overdue && <OverdueBadge />}
                  </td>
                  <td className={cell}>
                    {canEdit ? <ActionItemStatusControl id={item.id} title={item.title} status={item.status} /> : actionItemStatusLabel[item.status]}
                  </td>
                  {showSource && (
                    <>
                      <td className={cell}>
                        <Link href={`/postmortems/${item.postmortem.id}`} className="underline">
                          {item.postmortem.title}
                        </Link>
                      </td>
                      <td className={cell}>
                        <Link href={`/incidents/${item.incident.id}`} title={item.incident.title} className="font-mono underline">
                          {item.incident.reference}
                        </Link>
                      </td>
                    </>
                  )}
                  {rowActions && <td className={cell}>{rowActions(item)}</td>}
                </tr>
                {below && (
                  <tr className="border-b border-slate-100 bg-slate-50">
                    <td colSpan={headings.length + (rowActions ? 1 : 0)} className={cell}>
                      {below}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
