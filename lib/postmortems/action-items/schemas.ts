import { z } from "zod";
import { ACTION_ITEM_KINDS, ACTION_ITEM_PRIORITIES, ACTION_ITEM_STATUSES } from "./view";

// A form sends "" for an empty select or date: that means "none" (unassigned, no due date).
const emptyToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

export const actionItemIdSchema = z.uuid("Action item must be an existing action item");
export const postmortemIdSchema = z.uuid("Post-mortem must be an existing post-mortem");

const title = z.string("Title is required").trim().min(1, "Title is required").max(200, "Title must be at most 200 characters");
const ownerId = z.preprocess(emptyToNull, z.uuid("Owner must be an existing user, or Unassigned").nullable());
const priority = z.enum(ACTION_ITEM_PRIORITIES, "Priority must be high, medium or low");
const kind = z.enum(ACTION_ITEM_KINDS, "Kind must be a short-term fix, a long-term improvement or a process update");
const dueOn = z.preprocess(emptyToNull, z.iso.date("Due date must be a date like 2026-01-31, or empty").nullable());
export const actionItemStatusSchema = z.enum(ACTION_ITEM_STATUSES, "Status must be open, in progress, done or won't do");

/** A new action item; a new one is always open. No owner or due date may be left out (null). */
export const actionItemInputSchema = z.object({
  title,
  ownerId: ownerId.default(null),
  priority,
  kind,
  dueOn: dueOn.default(null),
});

/** Changes to an item: a field left out stays as it is. */
export const actionItemChangesSchema = z.object({
  title: title.optional(),
  ownerId: ownerId.optional(),
  priority: priority.optional(),
  kind: kind.optional(),
  dueOn: dueOn.optional(),
  status: actionItemStatusSchema.optional(),
});

// What a correct caller passes; the domain functions parse again, so a wrong one is refused.
// What the server actions take, from a form or an object:
export const createActionItemSchema = actionItemInputSchema.extend({ postmortemId: postmortemIdSchema });
export const updateActionItemSchema = actionItemChangesSchema.extend({ id: actionItemIdSchema });
export const setActionItemStatusSchema = z.object({ id: actionItemIdSchema, status: actionItemStatusSchema });

export type ActionItemInput = z.output<typeof actionItemInputSchema>;
export type ActionItemChanges = z.output<typeof actionItemChangesSchema>;
