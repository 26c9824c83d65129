import type { Prisma } from "@/lib/db/generated/client";
import { incidentReference } from "@/lib/timeline/incident";

// One action item as every screen shows it: the post-mortem's panel, the list of open items, the export.

export const ACTION_ITEM_PRIORITIES = ["high", "medium", "low"] as const;
export const ACTION_ITEM_KINDS = ["short_term_fix", "long_term_improvement", "process_update"] as const;
export const ACTION_ITEM_STATUSES = ["open", "in_progress", "done", "wont_do"] as const;

export type ActionItemPriority = (typeof ACTION_ITEM_PRIORITIES)[number];
export type ActionItemKind = (typeof ACTION_ITEM_KINDS)[number];
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

export const actionItemPriorityLabel: Record<ActionItemPriority, string> = { high: "High", medium: "Medium", low: "Low" };

export const actionItemKindLabel: Record<ActionItemKind, string> = {
  short_term_fix: "Short-term fix",
  long_term_improvement: "Long-term improvement",
  process_update: "Process update",
};

export const actionItemStatusLabel: Record<ActionItemStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  wont_do: "Won't do",
};

export interface ActionItemView {
  id: string;
  title: string;
  priority: ActionItemPriority;
  kind: ActionItemKind;
  status: ActionItemStatus;
  owner: { id: string; name: string } | null;
  /** A calendar date, "2026-12-01". */
  dueOn: string | null;
  completedAt: string | null;
  createdAt: string;
  postmortem: { id: string; title: string };
  incident: { id: string; reference: string; title: string };
}

export const actionItemSelect = {
  id: true,
  title: true,
  priority: true,
  kind: true,
  status: true,
  dueOn: true,
  completedAt: true,
  createdAt: true,
  owner: { select: { id: true, name: true } },
  postmortem: { select: { id: true, title: true, incident: { select: { id: true, number: true, title: true } } } },
} satisfies Prisma.ActionItemSelect;

type ActionItemRow = Prisma.ActionItemGetPayload<{ select: typeof actionItemSelect }>;

export function toActionItemView(row: ActionItemRow): ActionItemView {
  const incident = row.postmortem.incident;
  return {
    id: row.id,
    title: row.title,
    priority: row.priority,
    kind: row.kind,
    status: row.status,
    owner: row.owner,
    dueOn: row.dueOn ? row.dueOn.toISOString().slice(0, 10) : null,
    completedAt: row.completedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    postmortem: { id: row.postmortem.id, title: row.postmortem.title },
    incident: { id: incident.id, reference: incidentReference(incident.number), title: incident.title },
  };
}

/** Overdue: past its due date (UTC calendar day) and not finished. */
export function isOverdue(item: Pick<ActionItemView, "dueOn" | "status">, today: string): boolean {
  return item.dueOn !== null && item.dueOn < today && (item.status === "open" || item.status === "in_progress");
}
