import type { TimelineEvent } from "@/lib/timeline/events";
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { PAGE_SIZE, type IncidentFilters } from "./filters";
import { OPEN_STATUSES, parseIncidentReference, type IncidentStatus } from "./rules";
import { incidentReference } from "@/lib/timeline/incident";

// Read models for the list and the incident page: plain JSON, as the browser receives them.

export interface IncidentListItem {
  id: string;
  reference: string;
  title: string;
  status: IncidentStatus;
  severity: string;
  systems: string[];
  commander: string | null;
  declaredAt: string;
  ackDueAt: string;
  acknowledgedAt: string | null;
  breachedAt: string | null;
  resolvedAt: string | null;
  isDemo: boolean;
}

export interface IncidentPage {
  items: IncidentListItem[];
  total: number;
  page: number;
  pageCount: number;
}

function dayStart(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function incidentWhere(filters: IncidentFilters): Prisma.IncidentWhereInput {
  const where: Prisma.IncidentWhereInput[] = [];
  if (filters.status === "open") where.push({ status: { in: [...OPEN_STATUSES] } });
  else if (filters.status) where.push({ status: filters.status });
  if (filters.severity) where.push({ severity: { key: filters.severity } });
  if (filters.system) where.push({ systems: { some: { system: { key: filters.system } } } });
  if (filters.team) where.push({ systems: { some: { system: { ownerTeam: { key: filters.team } } } } });
  if (filters.from) where.push({ declaredAt: { gte: dayStart(filters.from) } });
  if (filters.to) where.push({ declaredAt: { lt: new Date(dayStart(filters.to).getTime() + 86_400_000) } });
  if (filters.q) {
    const number = parseIncidentReference(filters.q);
    where.push(number !== null ? { number } : { title: { contains: filters.q, mode: "insensitive" } });
  }
  return { AND: where };
}

const orderBy: Record<IncidentFilters["sort"], Prisma.IncidentOrderByWithRelationInput[]> = {
  newest: [{ declaredAt: "desc" }, { number: "desc" }],
  oldest: [{ declaredAt: "asc" }, { number: "asc" }],
  severity: [{ severity: { rank: "asc" } }, { declaredAt: "desc" }],
  status: [{ status: "asc" }, { declaredAt: "desc" }],
  reference: [{ number: "desc" }],
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

export async function listIncidents(db: Db, filters: IncidentFilters): Promise<IncidentPage> {
  const where = incidentWhere(filters);
  const [rows, total] = await Promise.all([
    db.incident.findMany({
      where,
      orderBy: orderBy[filters.sort],
      skip: (filters.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        number: true,
        title: true,
        status: true,
        declaredAt: true,
        ackDueAt: true,
        acknowledgedAt: true,
        breachedAt: true,
        resolvedAt: true,
        isDemo: true,
        severity: { select: { key: true } },
        commander: { select: { name: true } },
        systems: { select: { system: { select: { name: true } } } },
      },
    }),
    db.incident.count({ where }),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      reference: incidentReference(row.number),
      title: row.title,
      status: row.status,
      severity: row.severity.key,
      systems: row.systems.map((link) => link.system.name),
      commander: row.commander?.name ?? null,
      declaredAt: row.declaredAt.toISOString(),
      ackDueAt: row.ackDueAt.toISOString(),
      acknowledgedAt: iso(row.acknowledgedAt),
      breachedAt: iso(row.breachedAt),
      resolvedAt: iso(row.resolvedAt),
      isDemo: row.isDemo,
    })),
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

export interface IncidentDetail extends IncidentListItem {
  number: number;
  impact: string;
  description: string;
  severityDescription: string;
  responseTimeSeconds: number;
  mitigatedAt: string | null;
  closedAt: string | null;
  resolution: string | null;
  prevention: string | null;
  followUp: string | null;
  dataLossSeconds: number | null;
  declaredBy: string | null;
  roles: { role: string; userId: string; name: string; assignedAt: string; endedAt: string | null }[];
  timeline: TimelineEvent[];
  postmortem: { id: string; status: string } | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The incident a URL names: its id, or its reference as people paste it in chat (`INC-42`, `inc-42`,
 * `42`). Null when it names none.
 */
export async function findIncidentId(db: Db | Tx, named: string): Promise<string | null> {
  if (UUID.test(named)) return named.toLowerCase();
  // Next.js hands the segment over decoded already.
  const number = parseIncidentReference(named);
  if (number === null) return null;
  const row = await db.incident.findUnique({ where: { number }, select: { id: true } });
  return row?.id ?? null;
}

export async function getIncident(db: Db | Tx, id: string): Promise<IncidentDetail | null> {
  const row = await db.incident.findUnique({
    where: { id },
    include: {
      severity: { select: { key: true, description: true, responseTimeSeconds: true } },
      commander: { select: { name: true } },
      declaredBy: { select: { name: true } },
      systems: { select: { system: { select: { name: true } } } },
      roles: { select: { role: true, userId: true, assignedAt: true, endedAt: true, user: { select: { name: true } } }, orderBy: { assignedAt: "asc" } },
      events: { select: { id: true, kind: true, body: true, data: true, createdAt: true, actor: { select: { name: true } } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      postmortem: { select: { id: true, status: true } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    number: row.number,
    reference: incidentReference(row.number),
    title: row.title,
    status: row.status,
    severity: row.severity.key,
    severityDescription: row.severity.description,
    responseTimeSeconds: row.severity.responseTimeSeconds,
    systems: row.systems.map((link) => link.system.name),
    commander: row.commander?.name ?? null,
    declaredBy: row.declaredBy?.name ?? null,
    impact: row.impact,
    description: row.description,
    declaredAt: row.declaredAt.toISOString(),
    ackDueAt: row.ackDueAt.toISOString(),
    acknowledgedAt: iso(row.acknowledgedAt),
    mitigatedAt: iso(row.mitigatedAt),
    breachedAt: iso(row.breachedAt),
    resolvedAt: iso(row.resolvedAt),
    closedAt: iso(row.closedAt),
    resolution: row.resolution,
    prevention: row.prevention,
    followUp: row.followUp,
    dataLossSeconds: row.dataLossSeconds,
    isDemo: row.isDemo,
    roles: row.roles.map((role) => ({
      role: role.role,
      userId: role.userId,
      name: role.user.name,
      assignedAt: role.assignedAt.toISOString(),
      endedAt: iso(role.endedAt),
    })),
    timeline: row.events.map((event) => ({
      id: String(event.id),
      kind: event.kind,
      actor: event.actor?.name ?? null,
      body: event.body,
      data: (event.data ?? {}) as Record<string, unknown>,
      at: event.createdAt.toISOString(),
    })),
    postmortem: row.postmortem,
  };
}
