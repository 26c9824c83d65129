import type { Db, Tx } from "@/lib/db/client";
import { incidentReference } from "@/lib/timeline/incident";
import { actionItemSelect, toActionItemView, type ActionItemView } from "@/lib/postmortems/action-items/view";

export type PostmortemStatus = "draft" | "in_review" | "published";

export const postmortemStatusLabel: Record<PostmortemStatus, string> = { draft: "Draft", in_review: "In review", published: "Published" };

export interface SectionView {
  id: string;
  heading: string;
  body: string;
  /** The version a save must name to replace this text. */
  version: number;
  updatedBy: string | null;
  updatedAt: string;
}

export interface PostmortemDetail {
  id: string;
  title: string;
  status: PostmortemStatus;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  publishedBy: string | null;
  incident: { id: string; reference: string; title: string; severity: string; declaredAt: string; resolvedAt: string | null };
  sections: SectionView[];
  reviewers: { id: string; name: string; approvedAt: string | null }[];
  actionItems: ActionItemView[];
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export async function getPostmortem(db: Db | Tx, id: string): Promise<PostmortemDetail | null> {
  const row = await db.postmortem.findUnique({
    where: { id },
    include: {
      createdBy: { select: { name: true } },
      publishedBy: { select: { name: true } },
      incident: { select: { id: true, number: true, title: true, declaredAt: true, resolvedAt: true, severity: { select: { key: true } } } },
      sections: { orderBy: { position: "asc" }, include: { updatedBy: { select: { name: true } } } },
      reviewers: { orderBy: { user: { name: "asc" } }, include: { user: { select: { id: true, name: true } } } },
      actionItems: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: actionItemSelect },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    createdBy: row.createdBy?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: iso(row.publishedAt),
    publishedBy: row.publishedBy?.name ?? null,
    incident: {
      id: row.incident.id,
      reference: incidentReference(row.incident.number),
      title: row.incident.title,
      severity: row.incident.severity.key,
      declaredAt: row.incident.declaredAt.toISOString(),
      resolvedAt: iso(row.incident.resolvedAt),
    },
    sections: row.sections.map((section) => ({
      id: section.id,
      heading: section.heading,
      body: section.body,
      version: section.version,
      updatedBy: section.updatedBy?.name ?? null,
      updatedAt: section.updatedAt.toISOString(),
    })),
    reviewers: row.reviewers.map((reviewer) => ({ id: reviewer.user.id, name: reviewer.user.name, approvedAt: iso(reviewer.approvedAt) })),
    actionItems: row.actionItems.map(toActionItemView),
  };
}

export interface PostmortemListItem {
  id: string;
  title: string;
  status: PostmortemStatus;
  updatedAt: string;
  publishedAt: string | null;
  incident: { id: string; reference: string; severity: string };
  openActionItems: number;
}

export async function listPostmortems(db: Db): Promise<PostmortemListItem[]> {
  const rows = await db.postmortem.findMany({
    orderBy: { updatedAt: "desc" },
    take: 200,
    select: {
      id: true,
      title: true,
      status: true,
      updatedAt: true,
      publishedAt: true,
      incident: { select: { id: true, number: true, severity: { select: { key: true } } } },
      _count: { select: { actionItems: { where: { status: { in: ["open", "in_progress"] } } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    status: row.status,
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: iso(row.publishedAt),
    incident: { id: row.incident.id, reference: incidentReference(row.incident.number), severity: row.incident.severity.key },
    openActionItems: row._count.actionItems,
  }));
}

/** Resolved incidents nobody has started a post-mortem for yet, newest first. */
export async function incidentsAwaitingPostmortem(db: Db): Promise<{ id: string; reference: string; title: string; severity: string; resolvedAt: string | null }[]> {
  const rows = await db.incident.findMany({
    where: { status: { in: ["resolved", "closed"] }, postmortem: null },
    orderBy: { resolvedAt: "desc" },
    take: 20,
    select: { id: true, number: true, title: true, resolvedAt: true, severity: { select: { key: true } } },
  });
  return rows.map((row) => ({ id: row.id, reference: incidentReference(row.number), title: row.title, severity: row.severity.key, resolvedAt: iso(row.resolvedAt) }));
}
