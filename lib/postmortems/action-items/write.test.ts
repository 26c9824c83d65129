import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { closeChangeListener, subscribe } from "@/lib/live/listener";
import type { LiveMessage } from "@/lib/live/message";
import { publishChange } from "@/lib/live/publish";
import { actionItemWorld, type ActionItemWorld } from "@/test/action-item-fixtures";
import type { ActionItemInput } from "./schemas";
import { createActionItem, updateActionItem } from "./write";

let world: ActionItemWorld;
let postmortemId: string;
const t0 = new Date("2026-03-02T09:00:00Z");
const t1 = new Date("2026-03-05T16:30:00Z");
const responder = () => ({ id: world.users.responder.id, email: world.users.responder.email });
const item = (overrides: Partial<ActionItemInput> = {}): ActionItemInput => ({
  title: "Alert on relayer lag",
  ownerId: null,
  priority: "high",
  kind: "short_term_fix",
  dueOn: "2026-03-20",
  ...overrides,
});

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const stored = (id: string) => db.actionItem.findUniqueOrThrow({ where: { id } });
const audits = () =>
  db.auditEntry.findMany({ where: { action: { startsWith: "postmortem." } }, orderBy: { createdAt: "asc" }, select: { action: true, targetId: true, actorLabel: true, data: true } });
const publish = (id: string) => db.$transaction((tx) => publishChange(tx, { topic: "postmortem", id }));

// The live stream, to see which changes each call published: a marker sent after it arrives after them.
let received: LiveMessage[] = [];
let unsubscribe: () => void;
async function changesUntilMarker(): Promise<LiveMessage[]> {
  const marker = randomUUID();
  await publish(marker);
  await expect.poll(() => received).toContainEqual({ topic: "postmortem", id: marker });
  const seen = received.slice(0, received.findIndex((message) => "id" in message && message.id === marker)).filter((message) => message.topic === "postmortem");
  received = [];
  return seen;
}

beforeAll(() => {
  unsubscribe = subscribe((message) => received.push(message));
});
afterAll(async () => {
  unsubscribe();
  await closeChangeListener();
});

beforeEach(async () => {
  world = await actionItemWorld(db);
  postmortemId = (await world.postmortem("Bridge relayer stalled")).id;
  await changesUntilMarker();
});

describe("createActionItem", () => {
  it("stores an open item, audits it on the post-mortem and publishes the change", async () => {
    const created = await createActionItem(db, postmortemId, item({ ownerId: world.owner.id }), responder(), t0);
    expect(created).toMatchObject({ title: "Alert on relayer lag", status: "open", owner: { id: world.owner.id, name: "Olga Owner" }, dueOn: "2026-03-20", completedAt: null });
    expect(created.postmortem.id).toBe(postmortemId);
    expect(created.incident.reference).toMatch(/^INC-\d+$/);
    expect(await stored(created.id)).toMatchObject({ createdById: world.users.responder.id, priority: "high", kind: "short_term_fix", createdAt: t0 });
    expect(await audits()).toEqual([
      {
        action: "postmortem.action_item_created",
        targetId: postmortemId,
        actorLabel: "responder@example.test",
        data: { actionItemId: created.id, title: "Alert on relayer lag", ownerId: world.owner.id, priority: "high", kind: "short_term_fix", dueOn: "2026-03-20" },
      },
    ]);
    expect(await changesUntilMarker()).toEqual([{ topic: "postmortem", id: postmortemId }]);
  });

  it("names each field and its rule when the input is wrong, and writes nothing", async () => {
    const error = await refusal(
      createActionItem(db, postmortemId, { title: " ", ownerId: "someone", priority: "urgent", kind: "fix", dueOn: "2026-02-30" } as never, responder()),
    );
    expect(error.fieldErrors).toEqual({
      title: ["Title is required"],
      ownerId: ["Owner must be an existing user, or Unassigned"],
      priority: ["Priority must be high, medium or low"],
      kind: ["Kind must be a short-term fix, a long-term improvement or a process update"],
      dueOn: ["Due date must be a date like 2026-01-31, or empty"],
    });
    const long = await refusal(createActionItem(db, postmortemId, item({ title: "x".repeat(201) }), responder()));
    expect(long.fieldErrors).toEqual({ title: ["Title must be at most 200 characters"] });
    expect(await db.actionItem.count()).toBe(0);
    expect(await audits()).toEqual([]);
  });

  it("refuses an owner who does not exist or is disabled, on the owner field", async () => {
    await db.user.update({ where: { id: world.owner.id }, data: { disabledAt: t0 } });
    for (const ownerId of [world.owner.id, randomUUID()]) {
      const error = await refusal(createActionItem(db, postmortemId, item({ ownerId }), responder()));
      expect(error.fieldErrors).toEqual({ ownerId: ["Owner must be an existing user who is not disabled"] });
    }
    expect(await db.actionItem.count()).toBe(0);
  });

  it("refuses a published post-mortem and one that does not exist", async () => {
    const published = await world.postmortem("Validator down", "published");
    expect((await refusal(createActionItem(db, published.id, item(), responder()))).message).toBe("This post-mortem is published and read-only: reopen it to edit.");
    expect((await refusal(createActionItem(db, randomUUID(), item(), responder()))).message).toBe("That post-mortem does not exist.");
    expect((await refusal(createActionItem(db, "not-an-id", item(), responder()))).message).toBe("That post-mortem does not exist.");
    expect(await db.actionItem.count()).toBe(0);
  });
});

describe("updateActionItem", () => {
  it("changes the fields given, and audits what changed from what to what", async () => {
    const { id } = await createActionItem(db, postmortemId, item(), responder(), t0);
    await changesUntilMarker();
    const updated = await updateActionItem(db, id, { title: "Page on relayer lag", ownerId: world.owner.id, dueOn: null, priority: "high" }, responder(), t1);
    expect(updated).toMatchObject({ title: "Page on relayer lag", owner: { id: world.owner.id }, dueOn: null, priority: "high", kind: "short_term_fix", status: "open" });
    const entry = (await audits()).at(-1);
    expect(entry).toEqual({
      action: "postmortem.action_item_updated",
      targetId: postmortemId,
      actorLabel: "responder@example.test",
      data: {
        actionItemId: id,
        title: "Page on relayer lag",
        changes: { title: { from: "Alert on relayer lag", to: "Page on relayer lag" }, ownerId: { from: null, to: world.owner.id }, dueOn: { from: "2026-03-20", to: null } },
      },
    });
    expect(await changesUntilMarker()).toEqual([{ topic: "postmortem", id: postmortemId }]);

    // Unassigning is a change too; the same values again are not.
    expect((await updateActionItem(db, id, { ownerId: null }, responder())).owner).toBeNull();
    await updateActionItem(db, id, { ownerId: null, title: "Page on relayer lag" }, responder());
    expect(await db.auditEntry.count({ where: { action: "postmortem.action_item_updated" } })).toBe(2);
  });

  it("stamps completedAt when the item is finished and clears it when it is reopened", async () => {
    const { id } = await createActionItem(db, postmortemId, item(), responder(), t0);
    await updateActionItem(db, id, { status: "in_progress" }, responder(), t0);
    expect((await stored(id)).completedAt).toBeNull();
    await updateActionItem(db, id, { status: "done" }, responder(), t1);
    expect(await stored(id)).toMatchObject({ status: "done", completedAt: t1 });
    // Finished either way: the day it was finished stays.
    await updateActionItem(db, id, { status: "wont_do" }, responder(), new Date("2026-04-01T00:00:00Z"));
    expect(await stored(id)).toMatchObject({ status: "wont_do", completedAt: t1 });
    await updateActionItem(db, id, { status: "open" }, responder(), t1);
    expect(await stored(id)).toMatchObject({ status: "open", completedAt: null });
    await updateActionItem(db, id, { status: "wont_do" }, responder(), t1);
    expect(await stored(id)).toMatchObject({ status: "wont_do", completedAt: t1 });
  });

  it("tracks status after publishing, but refuses changes to the item's record", async () => {
    const { id } = await createActionItem(db, postmortemId, item(), responder(), t0);
    await db.postmortem.update({ where: { id: postmortemId }, data: { status: "published" } });

    const done = await updateActionItem(db, id, { status: "done" }, responder(), t1);
    expect(done).toMatchObject({ status: "done", completedAt: t1.toISOString() });
    // The whole form sent again with only the status changed is a status change.
    await updateActionItem(db, id, { ...item(), status: "in_progress" }, responder(), t1);
    expect((await stored(id)).status).toBe("in_progress");

    for (const changes of [{ title: "Something else" }, { priority: "low" as const }, { kind: "process_update" as const }, { dueOn: "2026-05-01" }, { ownerId: world.owner.id }]) {
      const error = await refusal(updateActionItem(db, id, { ...changes, status: "done" }, responder(), t1));
      expect(error.message).toBe("This post-mortem is published and read-only: reopen it to edit.");
    }
    expect(await stored(id)).toMatchObject({ title: "Alert on relayer lag", status: "in_progress", completedAt: null, ownerId: null });
  });

  it("changes nothing, audits nothing and publishes nothing when refused", async () => {
    const { id } = await createActionItem(db, postmortemId, item(), responder(), t0);
    const before = await stored(id);
    const auditCount = await db.auditEntry.count();
    await changesUntilMarker();
    await db.user.update({ where: { id: world.owner.id }, data: { disabledAt: t0 } });

    const disabled = await refusal(updateActionItem(db, id, { title: "New title", status: "done", ownerId: world.owner.id }, responder(), t1));
    expect(disabled.fieldErrors).toEqual({ ownerId: ["Owner must be an existing user who is not disabled"] });
    const invalid = await refusal(updateActionItem(db, id, { title: "", status: "done" }, responder(), t1));
    expect(invalid.fieldErrors).toEqual({ title: ["Title is required"] });

    expect(await stored(id)).toEqual(before);
    expect(await db.auditEntry.count()).toBe(auditCount);
    expect(await changesUntilMarker()).toEqual([]);
  });

  it("refuses an action item that does not exist", async () => {
    for (const id of [randomUUID(), "42"]) {
      expect((await refusal(updateActionItem(db, id, { status: "done" }, responder()))).message).toBe("That action item does not exist.");
    }
  });

  it("keeps an owner who was disabled later while the status moves on", async () => {
    const { id } = await createActionItem(db, postmortemId, item({ ownerId: world.owner.id }), responder(), t0);
    await db.user.update({ where: { id: world.owner.id }, data: { disabledAt: t0 } });
    const done = await updateActionItem(db, id, { ...item({ ownerId: world.owner.id }), status: "done" }, responder(), t1);
    expect(done).toMatchObject({ status: "done", owner: { id: world.owner.id } });
  });
});
