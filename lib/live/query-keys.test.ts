import { describe, expect, it } from "vitest";
import { healthKeys, incidentKeys, overlaps, postmortemKeys, runKeys, settingsKeys, staleKeys } from "./query-keys";

const a = "6f1c2c5e-8f0a-4c55-9d63-2b1f4f0f7a10";
const b = "0b0f4f0f-2b1f-4c55-9d63-8f0a6f1c2c5e";

/** Whether a live message makes the query under `key` stale. */
const stales = (message: Parameters<typeof staleKeys>[0], key: readonly unknown[]) => (staleKeys(message) ?? [[]]).some((stale) => overlaps(stale, key));

describe("what a live message makes stale", () => {
  it("names one incident's queries and the lists, not other incidents", () => {
    const change = { topic: "incident", id: a } as const;
    expect(stales(change, incidentKeys.detail(a))).toBe(true);
    expect(stales(change, incidentKeys.paging(a))).toBe(true);
    expect(stales(change, incidentKeys.list({ status: "open" }))).toBe(true);
    expect(stales(change, incidentKeys.detail(b))).toBe(false);
    expect(stales(change, incidentKeys.paging(b))).toBe(false);
    expect(stales(change, runKeys.detail(a))).toBe(false);
  });

  it("names one run, and one post-mortem with its revisions and every list of action items", () => {
    expect(stales({ topic: "run", id: a }, runKeys.detail(a))).toBe(true);
    expect(stales({ topic: "run", id: a }, runKeys.detail(b))).toBe(false);
    const postmortem = { topic: "postmortem", id: a } as const;
    expect(stales(postmortem, postmortemKeys.detail(a))).toBe(true);
    expect(stales(postmortem, postmortemKeys.revision(a, 3))).toBe(true);
    expect(stales(postmortem, postmortemKeys.actionItems({ owner: "me" }))).toBe(true);
    expect(stales(postmortem, postmortemKeys.detail(b))).toBe(false);
  });

  it("names settings and the workers' health by topic, and everything on resync", () => {
    expect(stales({ topic: "settings" }, settingsKeys.all)).toBe(true);
    expect(stales({ topic: "workers" }, healthKeys.all)).toBe(true);
    expect(stales({ topic: "workers" }, incidentKeys.detail(a))).toBe(false);
    expect(staleKeys({ topic: "resync" })).toBeNull();
  });
});

describe("overlaps", () => {
  it("holds when one key is the other or begins it", () => {
    expect(overlaps(incidentKeys.all, incidentKeys.detail(a))).toBe(true);
    expect(overlaps(incidentKeys.detail(a), incidentKeys.one(a))).toBe(true);
    expect(overlaps(incidentKeys.one(a), incidentKeys.one(b))).toBe(false);
    expect(overlaps(incidentKeys.list({ q: "x" }), incidentKeys.list({ q: "y" }))).toBe(false);
  });
});
