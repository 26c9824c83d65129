"use server";

import { defineAction } from "@/lib/actions/define-action";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { createActionItemSchema, setActionItemStatusSchema, updateActionItemSchema } from "./schemas";
import { actionItemStatusLabel } from "./view";
import { createActionItem, updateActionItem } from "./write";

const actor = (user: SessionUser) => ({ id: user.id, email: user.email, name: user.name });

export const createActionItemAction = defineAction({
  name: "postmortems.create-action-item",
  role: "responder",
  input: createActionItemSchema,
  run: async ({ postmortemId, ...input }, { user }) => await createActionItem(db, postmortemId, input, actor(user)),
  message: (item) => `Added “${item.title}”.`,
});

export const updateActionItemAction = defineAction({
  name: "postmortems.update-action-item",
  role: "responder",
  input: updateActionItemSchema,
  run: async ({ id, ...changes }, { user }) => await updateActionItem(db, id, changes, actor(user)),
  message: (item) => `Saved “${item.title}”.`,
});

export const setActionItemStatusAction = defineAction({
  name: "postmortems.set-action-item-status",
  role: "responder",
  input: setActionItemStatusSchema,
  run: async ({ id, status }, { user }) => await updateActionItem(db, id, { status }, actor(user)),
  message: (item) => `“${item.title}” is ${actionItemStatusLabel[item.status].toLowerCase()}.`,
});
