import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { actionItemWorld, type ActionItemWorld } from "@/test/action-item-fixtures";
import { listActionItems, listAssignableOwners, parseActionItemFilters } from "./list";
import type { ActionItemInput } from "./schemas";
import { createActionItem, updateActionItem } from "./write";

const today = "2026-03-10";
let world: ActionItemWorld;
let titles: (filters?: Record<string, string>) => Promise<string[]>;

beforeEach(async () => {
  world = await actionItemWorld(db);
  const actor = { id: world.users.responder.id, email: world.users.responder.email };
  const relayer = (await world.postmortem("Bridge relayer stalled")).id;
  const validator = (await world.postmortem("Validator down")).id;
  let minute = 0;
  const add = async (postmortemId: string, title: string, fields: Partial<ActionItemInput>, status?: "in_progress" | "done" | "wont_do") => {
    const input: ActionItemInput = { title, ownerId: null, priority: "medium", kind: "short_term_fix", dueOn: null, ...fields };
    const { id } = await createActionItem(db, postmortemId, input, actor, new Date(Date.UTC(2026, 2, 1, 9, minute++)));
    if (status) await updateActionItem(db, id, { status }, actor);
  };
  await add(relayer, "undated low", { priority: "low" });
  await add(relayer, "due later", { dueOn: "2026-04-01", ownerId: world.owner.id, kind: "process_update" });
  await add(validator, "overdue recent", { dueOn: "2026-03-09", priority: "low" }, "in_progress");
  await add(validator, "due today", { dueOn: today, priority: "high" });
  await add(relayer, "overdue old", { dueOn: "2026-02-01", ownerId: world.owner.id });
  await add(validator, "undated high", { priority: "high", kind: "long_term_improvement" });
  await add(relayer, "undated high, newer", { priority: "high" });
  await add(validator, "done long ago", { dueOn: "2026-01-15", ownerId: world.owner.id }, "done");
  await add(relayer, "not doing it", { priority: "high" }, "wont_do");
  titles = async (filters = {}) => (await listActionItems(db, parseActionItemFilters(filters), today)).items.map((item) => item.title);
});

describe("listActionItems", () => {
  it("shows open items by default: overdue first, then by due date, undated last, then priority and age", async () => {
    expect(await titles()).toEqual(["overdue old", "overdue recent", "due today", "due later", "undated high", "undated high, newer", "undated low"]);
  });

  it("keeps overdue items first when finished ones are shown too, and only overdue ones on request", async () => {
    expect(await titles({ status: "all" })).toEqual([
      "overdue old",
      "overdue recent",
      "done long ago",
      "due today",
      "due later",
      "undated high",
      "undated high, newer",
      "not doing it",
      "undated low",
    ]);
    expect(await titles({ status: "done" })).toEqual(["done long ago", "not doing it"]);
    expect(await titles({ overdue: "1" })).toEqual(["overdue old", "overdue recent"]);
    expect(await titles({ overdue: "1", status: "done" })).toEqual([]);
  });

  it("filters by owner, unassigned, priority and kind", async () => {
    expect(await titles({ owner: world.owner.id })).toEqual(["overdue old", "due later"]);
    expect(await titles({ owner: world.owner.id, status: "all" })).toEqual(["overdue old", "done long ago", "due later"]);
    expect(await titles({ owner: "none", priority: "high" })).toEqual(["due today", "undated high", "undated high, newer"]);
    expect(await titles({ kind: "process_update" })).toEqual(["due later"]);
    expect(await titles({ kind: "long_term_improvement", priority: "low" })).toEqual([]);
  });

  it("reports the matching count and the open and overdue counts across every post-mortem", async () => {
    const list = await listActionItems(db, parseActionItemFilters({ priority: "high" }), today);
    expect(list.matching).toBe(3);
    expect(list.counts).toEqual({ open: 7, overdue: 2 });
    const dueToday = list.items.find((item) => item.title === "due today");
    expect(dueToday).toMatchObject({ dueOn: today, incident: { reference: expect.stringMatching(/^INC-\d+$/) }, postmortem: { title: "Post-mortem: Validator down" } });
  });

  it("treats malformed filters as no filter", async () => {
    expect(parseActionItemFilters({ status: "closed", owner: "bob", priority: "urgent", kind: "", overdue: "yes" })).toEqual({
      status: "open",
      owner: undefined,
      priority: undefined,
      kind: undefined,
      overdue: false,
    });
    expect(parseActionItemFilters({ status: ["done", "all"], owner: "none", overdue: "1" })).toMatchObject({ status: "done", owner: "none", overdue: true });
  });
});

describe("listAssignableOwners", () => {
  it("lists people who can sign in, by name", async () => {
    await db.user.update({ where: { id: world.users.viewer.id }, data: { disabledAt: new Date() } });
    expect((await listAssignableOwners(db)).map((user) => user.name)).toEqual(["Admin", "Commander", "Olga Owner", "Responder"]);
  });
});
