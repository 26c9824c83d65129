import type { IncidentFilters } from "./filters";

// React Query keys for incidents; a live change to any incident invalidates `incidentKeys.all`.
export const incidentKeys = {
  all: ["incidents"] as const,
  list: (filters: IncidentFilters) => ["incidents", "list", filters] as const,
  detail: (id: string) => ["incidents", "detail", id] as const,
  // Under "incidents" so that a live change to the incident refetches its pages too.
  paging: (id: string) => ["incidents", "paging", id] as const,
};

export const settingsKeys = {
  all: ["settings"] as const,
};

// A run's live changes invalidate `runKeys.all`.
export const runKeys = {
  all: ["runs"] as const,
  detail: (id: string) => ["runs", "detail", id] as const,
};

// A post-mortem's live changes (sections, status, reviewers, action items) invalidate `postmortemKeys.all`.
export const postmortemKeys = {
  all: ["postmortems"] as const,
  detail: (id: string) => ["postmortems", "detail", id] as const,
  revisions: (id: string) => ["postmortems", "revisions", id] as const,
  actionItems: (filters: object) => ["postmortems", "action-items", filters] as const,
};
