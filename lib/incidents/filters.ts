import { z } from "zod";
import { INCIDENT_STATUSES } from "./rules";

// The incident list's filters, as they appear in the URL so a view can be shared.

// NUL is refused as PostgreSQL would refuse it; the list then falls back to no filter.
const optionalText = z.preprocess((value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined), z.string().max(200).refine((text) => !text.includes("\u0000"), "must not contain the NUL character").optional());
const optionalDate = z.preprocess(
  (value) => (typeof value === "string" && value !== "" ? value : undefined),
  z.iso.date("Dates look like 2026-01-31").optional(),
);

export const SORTS = ["newest", "oldest", "severity", "status", "reference"] as const;
export const PAGE_SIZE = 25;

export const incidentFiltersSchema = z.object({
  // "all" says so explicitly: the list page opens on open incidents when the URL names no status.
  status: z.preprocess((value) => (value === "" || value === "all" ? undefined : value), z.enum([...INCIDENT_STATUSES, "open"]).optional()),
  severity: optionalText,
  system: optionalText,
  team: optionalText,
  from: optionalDate,
  to: optionalDate,
  q: optionalText,
  sort: z.preprocess((value) => (value === "" ? undefined : value), z.enum(SORTS).default("newest")),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type IncidentFilters = z.output<typeof incidentFiltersSchema>;

/**
 * The list page's filters: open incidents unless the URL names a status ("all" for every one) or
 * searches (a reference or title is looked for among closed incidents too).
 */
export function parseListPageFilters(params: Record<string, string | string[] | undefined>): IncidentFilters {
  const filters = parseIncidentFilters(params);
  const named = (key: string) => [params[key]].flat()[0]?.trim();
  return named("status") || named("q") ? filters : { ...filters, status: "open" };
}

/** Reads filters from URL search params; anything malformed falls back to "no filter". */
export function parseIncidentFilters(params: URLSearchParams | Record<string, string | string[] | undefined>): IncidentFilters {
  const entries = params instanceof URLSearchParams ? Object.fromEntries(params) : Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = incidentFiltersSchema.safeParse(entries);
  return parsed.success ? parsed.data : incidentFiltersSchema.parse({});
}

export function filtersToSearch(filters: Partial<IncidentFilters>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === "" || (key === "sort" && value === "newest") || (key === "page" && value === 1)) continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}
