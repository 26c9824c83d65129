import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import {
  ACTION_ITEM_KINDS,
  ACTION_ITEM_PRIORITIES,
  actionItemSelect,
  toActionItemView,
  type ActionItemStatus,
  type ActionItemView,
} from "./view";

// The list's filters, as they appear in the URL so a view can be shared. Anything malformed means "no filter".

export const ACTION_ITEM_LIST_LIMIT = 500;

const STATUS_GROUPS = { open: ["open", "in_progress"], done: ["done", "wont_do"], all: ["open", "in_progress", "done", "wont_do"] } satisfies Record<
  string,
  ActionItemStatus[]
>;
const UNFINISHED = STATUS_GROUPS.open;

export const actionItemFiltersSchema = z.object({
  status: z.enum(["open", "done", "all"], "Status must be open, done or all").catch("open"),
  owner: z.union([z.literal("none"), z.uuid()], "Owner must be a user or none").optional().catch(undefined),
  priority: z.enum(ACTION_ITEM_PRIORITIES, "Priority must be high, medium or low").optional().catch(undefined),
  kind: z.enum(ACTION_ITEM_KINDS, "Kind must be one of the plan's kinds").optional().catch(undefined),
  overdue: z.preprocess((value) => value === "1", z.boolean()),
});

export type ActionItemFilters = z.output<typeof actionItemFiltersSchema>;

export function parseActionItemFilters(params: Record<string, string | string[] | undefined>): ActionItemFilters {
  const first = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return actionItemFiltersSchema.parse(first);
}

export interface ActionItemList {
  items: ActionItemView[];
  /** How many items match the filters; more than `items` when the list was capped. */
  matching: number;
  /** Across every post-mortem, whatever the filters: the header's figures. */
  counts: { open: number; overdue: number };
}

const dayStart = (day: string) => new Date(`${day}T00:00:00Z`);

// Overdue: unfinished and due before today. Its complement is spelled out, since NOT over a null due date is null in SQL.
const overdueWhere = (today: string): Prisma.ActionItemWhereInput => ({ status: { in: UNFINISHED }, dueOn: { lt: dayStart(today) } });
const notOverdueWhere = (today: string): Prisma.ActionItemWhereInput => ({
  OR: [{ status: { notIn: UNFINISHED } }, { dueOn: null }, { dueOn: { gte: dayStart(today) } }],
});

function filtersWhere(filters: ActionItemFilters): Prisma.ActionItemWhereInput {
  return {
    status: { in: STATUS_GROUPS[filters.status] },
    ...(filters.owner === "none" ? { ownerId: null } : filters.owner ? { ownerId: filters.owner } : {}),
    ...(filters.priority ? { priority: filters.priority } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
  };
}

// Soonest due first, undated last; the priority enum is declared high, medium, low.
const order: Prisma.ActionItemOrderByWithRelationInput[] = [{ dueOn: { sort: "asc", nulls: "last" } }, { priority: "asc" }, { createdAt: "asc" }, { id: "asc" }];

/** Overdue items first, then by due date, priority and age; at most ACTION_ITEM_LIST_LIMIT of them. */
export async function listActionItems(db: Db, filters: ActionItemFilters, today: string): Promise<ActionItemList> {
  const where = filtersWhere(filters);
  const page = (extra: Prisma.ActionItemWhereInput) =>
    db.actionItem.findMany({ where: { AND: [where, extra] }, orderBy: order, take: ACTION_ITEM_LIST_LIMIT, select: actionItemSelect });
  const [overdue, rest, matching, open, overdueCount] = await Promise.all([
    page(overdueWhere(today)),
    filters.overdue ? [] : page(notOverdueWhere(today)),
    db.actionItem.count({ where: filters.overdue ? { AND: [where, overdueWhere(today)] } : where }),
    db.actionItem.count({ where: { status: { in: UNFINISHED } } }),
    db.actionItem.count({ where: overdueWhere(today) }),
  ]);
  return {
    items: [...overdue, ...rest].slice(0, ACTION_ITEM_LIST_LIMIT).map(toActionItemView),
    matching,
    counts: { open, overdue: overdueCount },
  };
}

/** The people an item can be given to: everyone who can sign in. */
export async function listAssignableOwners(db: Db): Promise<{ id: string; name: string }[]> {
  return db.user.findMany({ where: { disabledAt: null }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } });
}
