import type { LiveMessage } from "./message";

// React Query keys, shaped so that a live change names exactly what it makes stale:
// [topic, "id", id] holds everything read about one record and [topic, "list"] every list that may
// show it, so a change to one incident refetches that incident and the lists, not every incident
// view open in the tab.

type Key = readonly unknown[];

export const incidentKeys = {
  all: ["incident"] as const,
  lists: ["incident", "list"] as const,
  list: (filters: object) => ["incident", "list", filters] as const,
  one: (id: string) => ["incident", "id", id] as const,
  detail: (id: string) => ["incident", "id", id, "detail"] as const,
  paging: (id: string) => ["incident", "id", id, "paging"] as const,
};

export const runKeys = {
  all: ["run"] as const,
  one: (id: string) => ["run", "id", id] as const,
  detail: (id: string) => ["run", "id", id, "detail"] as const,
};

// Sections, status, reviewers, revisions and action items of one post-mortem; lists of action items span them all.
export const postmortemKeys = {
  all: ["postmortem"] as const,
  lists: ["postmortem", "list"] as const,
  actionItems: (filters: object) => ["postmortem", "list", "action-items", filters] as const,
  one: (id: string) => ["postmortem", "id", id] as const,
  detail: (id: string) => ["postmortem", "id", id, "detail"] as const,
  revisions: (id: string) => ["postmortem", "id", id, "revisions"] as const,
  revision: (id: string, number: number) => ["postmortem", "id", id, "revisions", number] as const,
};

export const settingsKeys = {
  all: ["settings"] as const,
};

export const backupKeys = {
  all: ["backups"] as const,
};

export const healthKeys = {
  all: ["health"] as const,
};

/** What a live message makes stale; null for everything (the stream may have missed changes). */
export function staleKeys(message: LiveMessage): readonly Key[] | null {
  switch (message.topic) {
    case "incident":
      return [incidentKeys.one(message.id), incidentKeys.lists];
    case "run":
      return [runKeys.one(message.id)];
    case "postmortem":
      return [postmortemKeys.one(message.id), postmortemKeys.lists];
    case "settings":
      return [settingsKeys.all];
    case "backups":
      return [backupKeys.all];
    case "workers":
      return [healthKeys.all];
    case "resync":
      return null;
  }
}

/** Whether two keys name overlapping data: one is the other or a prefix of it. */
export function overlaps(a: Key, b: Key): boolean {
  const shorter = a.length <= b.length ? a : b;
  const longer = shorter === a ? b : a;
  return shorter.every((part, index) => JSON.stringify(part) === JSON.stringify(longer[index]));
}
