import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

// The audit log as admins read it: newest first, 50 a page, filtered through the URL.
// Pages are keyset (by id), so reading far back costs the same as the first page.

export const AUDIT_PAGE_SIZE = 50;

const optionalText = (max: number) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined), z.string().max(max).optional());
const optionalId = z.preprocess((value) => (value === "" ? undefined : value), z.string().regex(/^\d{1,18}$/).optional());

// Each filter parses on its own, so one malformed parameter does not drop the others.
const filterFields = {
  /** The start of an action name: "incident." or "user.role_changed". */
  action: optionalText(100).transform((value) => value?.toLowerCase()),
  /** Part of who acted: an email, or "system". */
  actor: optionalText(200),
  /** Entries older than this id (the next page). */
  before: optionalId,
  /** Entries newer than this id (the previous page). */
  after: optionalId,
};

export interface AuditFilters {
  action?: string;
  actor?: string;
  before?: string;
  after?: string;
}

/** Reads the filters from URL search params; a malformed one is dropped, not an error. */
export function parseAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of Object.keys(filterFields) as (keyof AuditFilters)[]) {
    const raw = params[key];
    const parsed = filterFields[key].safeParse(Array.isArray(raw) ? raw[0] : raw);
    if (parsed.success && parsed.data !== undefined) filters[key] = parsed.data;
  }
  return filters;
}

export function auditSearch(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `?${search}` : "";
}

export interface AuditRow {
  id: string;
  createdAt: string;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  /** A human reference for the target when the entry carries one (INC-12, an email). */
  targetLabel: string | null;
  summary: string;
}

export interface AuditPage {
  entries: AuditRow[];
  /** Set when older entries exist: the `before` of the next page. */
  older: string | null;
  /** Set when newer entries exist: the `after` of the previous page. */
  newer: string | null;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (Array.isArray(value)) return value.map(describeValue).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** "from: viewer · to: commander", cut to a readable length. */
export function summarizeAuditData(data: Prisma.JsonValue, maxLength = 240): string {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return describeValue(data);
  const text = Object.entries(data)
    .filter(([key]) => key !== "reference")
    .map(([key, value]) => `${key}: ${describeValue(value)}`)
    .join(" · ");
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

function targetLabel(data: Prisma.JsonValue): string | null {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return null;
  const label = data.reference ?? data.email;
  return typeof label === "string" ? label : null;
}

export async function listAuditEntries(db: Db, filters: AuditFilters): Promise<AuditPage> {
  const where: Prisma.AuditEntryWhereInput[] = [];
  if (filters.action) where.push({ action: { startsWith: filters.action } });
  if (filters.actor) where.push({ actorLabel: { contains: filters.actor, mode: "insensitive" } });
  const forward = !filters.after || Boolean(filters.before);
  if (filters.before) where.push({ id: { lt: BigInt(filters.before) } });
  else if (filters.after) where.push({ id: { gt: BigInt(filters.after) } });

  // One extra row says whether there is more in the direction we read.
  const rows = await db.auditEntry.findMany({
    where: { AND: where },
    orderBy: { id: forward ? "desc" : "asc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: { id: true, createdAt: true, actorLabel: true, action: true, targetType: true, targetId: true, data: true },
  });
  const more = rows.length > AUDIT_PAGE_SIZE;
  // Reading back up to the newest entries ends on the first page, full, as a fresh visit shows it.
  if (!forward && !more) return listAuditEntries(db, { ...filters, after: undefined });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  if (!forward) page.reverse();

  const first = page[0]?.id.toString() ?? null;
  const last = page.at(-1)?.id.toString() ?? null;
  return {
    entries: page.map((row) => ({
      id: row.id.toString(),
      createdAt: row.createdAt.toISOString(),
      actorLabel: row.actorLabel,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      targetLabel: targetLabel(row.data),
      summary: summarizeAuditData(row.data),
    })),
    older: forward ? (more ? last : null) : last,
    newer: forward ? (filters.before ? first : null) : first,
  };
}
