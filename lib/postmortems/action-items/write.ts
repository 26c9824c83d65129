import { z } from "zod";
import { recordAudit } from "@/lib/timeline/audit";
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/timeline/actor";
import { publishChange } from "@/lib/live/publish";
import { parseInput } from "@/lib/people/validate";
import { assertEditable, lockPostmortem } from "@/lib/postmortems/document/lock";
import { actionItemChangesSchema, actionItemInputSchema, type ActionItemChanges, type ActionItemInput } from "./schemas";
import { actionItemSelect, toActionItemView, type ActionItemStatus, type ActionItemView } from "./view";

type Field = keyof ActionItemChanges;
// Status is tracked to done after the post-mortem is published; everything else is part of the record.
const RECORD_FIELDS: Field[] = ["title", "ownerId", "priority", "kind", "dueOn"];

const gone = () => new DomainError("That action item does not exist.");
const isUuid = (id: string) => z.uuid().safeParse(id).success;
const finished = (status: ActionItemStatus) => status === "done" || status === "wont_do";
const dateOf = (day: string | null) => (day === null ? null : new Date(`${day}T00:00:00Z`));

/** An owner is someone who can sign in; anyone else is refused on the owner field. */
async function assertAssignable(tx: Tx, ownerId: string | null): Promise<void> {
  if (ownerId === null) return;
  const owner = await tx.user.findUnique({ where: { id: ownerId }, select: { disabledAt: true } });
  if (!owner || owner.disabledAt) {
    const message = "Owner must be an existing user who is not disabled";
    throw new DomainError(message, { ownerId: [message] });
  }
}

export async function createActionItem(db: Db, postmortemId: string, input: ActionItemInput, actor: Actor, now = new Date()): Promise<ActionItemView> {
  const item = parseInput(actionItemInputSchema, input);
  if (!isUuid(postmortemId)) throw new DomainError("That post-mortem does not exist.");
  return db.$transaction(async (tx) => {
    assertEditable(await lockPostmortem(tx, postmortemId));
    await assertAssignable(tx, item.ownerId);
    const created = await tx.actionItem.create({
      data: { ...item, dueOn: dateOf(item.dueOn), postmortemId, createdById: actor.id, createdAt: now },
      select: actionItemSelect,
    });
    await recordAudit(tx, {
      actor: actor,
      action: "postmortem.action_item_created",
      targetType: "postmortem",
      targetId: postmortemId,
      data: { actionItemId: created.id, ...item },
    });
    await publishChange(tx, { topic: "postmortem", id: postmortemId });
    return toActionItemView(created);
  });
}

/**
 * Applies the fields given. Changing the item's record needs an editable post-mortem; its status
 * can move at any time, and finishing it (done or won't do) stamps completedAt.
 */
export async function updateActionItem(db: Db, id: string, input: ActionItemChanges, actor: Actor, now = new Date()): Promise<ActionItemView> {
  const changes = parseInput(actionItemChangesSchema, input);
  if (!isUuid(id)) throw gone();
  const found = await db.actionItem.findUnique({ where: { id }, select: { postmortemId: true } });
  if (!found) throw gone();
  return db.$transaction(async (tx) => {
    const postmortem = await lockPostmortem(tx, found.postmortemId);
    // Read again under the lock: every write to an item locks its post-mortem first.
    const before = await tx.actionItem.findUnique({ where: { id }, select: actionItemSelect });
    if (!before) throw gone();
    const current = toActionItemView(before);
    const stored: Record<Field, string | null> = {
      title: current.title,
      ownerId: current.owner?.id ?? null,
      priority: current.priority,
      kind: current.kind,
      dueOn: current.dueOn,
      status: current.status,
    };
    const changed = (Object.keys(changes) as Field[]).filter((field) => changes[field] !== undefined && changes[field] !== stored[field]);
    if (changed.length === 0) return current;
    if (changed.some((field) => RECORD_FIELDS.includes(field))) assertEditable(postmortem);
    if (changed.includes("ownerId")) await assertAssignable(tx, changes.ownerId ?? null);

    const data: Prisma.ActionItemUncheckedUpdateInput = { ...changes, dueOn: changes.dueOn === undefined ? undefined : dateOf(changes.dueOn) };
    if (changes.status !== undefined && finished(changes.status) !== finished(current.status)) {
      data.completedAt = finished(changes.status) ? now : null;
    }
    const updated = await tx.actionItem.update({ where: { id }, data, select: actionItemSelect });
    await recordAudit(tx, {
      actor: actor,
      action: "postmortem.action_item_updated",
      targetType: "postmortem",
      targetId: postmortem.id,
      data: { actionItemId: id, title: updated.title, changes: Object.fromEntries(changed.map((field) => [field, { from: stored[field], to: changes[field] ?? null }])) },
    });
    await publishChange(tx, { topic: "postmortem", id: postmortem.id });
    return toActionItemView(updated);
  });
}
