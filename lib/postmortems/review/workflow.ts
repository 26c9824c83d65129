import type { Db, Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/timeline/audit";
import { publicUrl } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { postmortemTimeline } from "../timeline";
import { type Actor } from "@/lib/timeline/actor";
import { publishChange } from "@/lib/live/publish";
import { createDirectPage } from "@/lib/paging/delivery/pages";
import { lockPostmortem } from "@/lib/postmortems/document/lock";
import type { PostmortemStatus } from "@/lib/postmortems/document/queries";

// draft -> in_review -> published; "reopen" takes either back to draft.

async function changed(tx: Tx, postmortemId: string, actor: Actor, action: string, data: Record<string, string | number | string[]> = {}) {
  await recordAudit(tx, { actor: actor, action: `postmortem.${action}`, targetType: "postmortem", targetId: postmortemId, data });
  await publishChange(tx, { topic: "postmortem", id: postmortemId });
}

/** Names the reviewers (replacing the list); those who stay keep their approval. */
export async function setReviewers(db: Db, postmortemId: string, userIds: string[], actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const postmortem = await lockPostmortem(tx, postmortemId);
    if (postmortem.status === "published") throw new DomainError("This post-mortem is published: reopen it to change its reviewers.");
    const users = await tx.user.findMany({ where: { id: { in: userIds }, disabledAt: null }, select: { id: true, name: true } });
    if (users.length !== new Set(userIds).size) throw new DomainError("Reviewers must be active users.", { reviewerIds: ["Every reviewer must be an active user"] });
    await tx.postmortemReviewer.deleteMany({ where: { postmortemId, userId: { notIn: userIds } } });
    await tx.postmortemReviewer.createMany({ data: users.map((user) => ({ postmortemId, userId: user.id })), skipDuplicates: true });
    await changed(tx, postmortemId, actor, "reviewers_changed", { reviewers: users.map((user) => user.name) });
  });
}

export async function submitForReview(db: Db, postmortemId: string, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const postmortem = await lockPostmortem(tx, postmortemId);
    if (postmortem.status !== "draft") throw new DomainError("Only a draft can be sent for review.");
    const reviewers = await tx.postmortemReviewer.count({ where: { postmortemId } });
    if (reviewers === 0) throw new DomainError("Name at least one reviewer before sending it for review.", { reviewerIds: ["Name at least one reviewer"] });
    await tx.postmortem.update({ where: { id: postmortemId }, data: { status: "in_review" } });
    await changed(tx, postmortemId, actor, "submitted_for_review");
  });
}

/**
 * The text changed after reviewers signed off: what they approved is not what would be published,
 * so every approval is taken back (and the audit log says so). Called in the edit's transaction.
 */
export async function clearApprovals(tx: Tx, postmortemId: string, actor: Actor): Promise<void> {
  const cleared = await tx.postmortemReviewer.updateMany({ where: { postmortemId, approvedAt: { not: null } }, data: { approvedAt: null } });
  if (cleared.count > 0) await changed(tx, postmortemId, actor, "approvals_cleared", { approvals: cleared.count });
}

/** A named reviewer signs off (or takes it back). */
export async function setApproval(db: Db, postmortemId: string, approved: boolean, actor: Actor, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const postmortem = await lockPostmortem(tx, postmortemId);
    if (postmortem.status !== "in_review") throw new DomainError("Reviewers approve a post-mortem while it is in review.");
    const updated = await tx.postmortemReviewer.updateMany({ where: { postmortemId, userId: actor.id }, data: { approvedAt: approved ? now : null } });
    if (updated.count === 0) throw new DomainError("Only a named reviewer can approve this post-mortem.");
    await changed(tx, postmortemId, actor, approved ? "approved" : "approval_withdrawn");
  });
}

/**
 * Publishes the post-mortem and emails the incident's stakeholders (everyone it paged who
 * accepts email) through the paging outbox, in the same transaction. Returns how many were emailed.
 */
export async function publishPostmortem(db: Db, postmortemId: string, actor: Actor, now = new Date()): Promise<{ notified: number }> {
  return db.$transaction(async (tx) => {
    const postmortem = await lockPostmortem(tx, postmortemId);
    if (postmortem.status !== "in_review") throw new DomainError("Send the post-mortem for review before publishing it.");
    const reviewers = await tx.postmortemReviewer.findMany({ where: { postmortemId }, select: { approvedAt: true, user: { select: { name: true } } }, orderBy: { user: { name: "asc" } } });
    const waiting = reviewers.filter((reviewer) => reviewer.approvedAt === null).map((reviewer) => reviewer.user.name);
    if (reviewers.length === 0 || waiting.length > 0) {
      throw new DomainError(reviewers.length === 0 ? "Name a reviewer and have them approve it before publishing." : `Every reviewer approves before it is published: waiting for ${waiting.join(", ")}.`);
    }
    await tx.postmortem.update({ where: { id: postmortemId }, data: { status: "published", publishedAt: now, publishedById: actor.id } });
    const incident = await tx.incident.findUniqueOrThrow({ where: { id: postmortem.incidentId }, select: { id: true, number: true } });
    await postmortemTimeline.record(tx, { incident, kind: "postmortem_published", actor, data: { postmortemId }, at: now });
    const notified = await notifyStakeholders(tx, { ...postmortem, incident }, now);
    await changed(tx, postmortemId, actor, "published", { notified });
    return { notified };
  });
}

export async function reopenPostmortem(db: Db, postmortemId: string, actor: Actor, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const postmortem = await lockPostmortem(tx, postmortemId);
    const from: PostmortemStatus = postmortem.status;
    if (from === "draft") throw new DomainError("This post-mortem is already a draft.");
    await tx.postmortem.update({ where: { id: postmortemId }, data: { status: "draft", publishedAt: null, publishedById: null } });
    await tx.postmortemReviewer.updateMany({ where: { postmortemId }, data: { approvedAt: null } });
    if (from === "published") {
      const incident = await tx.incident.findUniqueOrThrow({ where: { id: postmortem.incidentId }, select: { id: true, number: true } });
      await postmortemTimeline.record(tx, { incident, kind: "postmortem_reopened", actor, data: { postmortemId }, at: now });
    }
    await changed(tx, postmortemId, actor, "reopened", { from });
  });
}

async function notifyStakeholders(tx: Tx, postmortem: { id: string; title: string; incident: { id: string; number: number } }, now: Date): Promise<number> {
  const engaged = await tx.page.findMany({
    where: { incidentId: postmortem.incident.id, contactId: { not: null }, kind: "incident" },
    select: { contact: { select: { id: true, name: true, email: true, acceptsEmail: true } } },
    distinct: ["contactId"],
  });
  const link = `${publicUrl()}/postmortems/${postmortem.id}`;
  let notified = 0;
  for (const { contact } of engaged) {
    if (!contact?.acceptsEmail) continue;
    await createDirectPage(tx, {
      kind: "postmortem",
      incidentId: postmortem.incident.id,
      contact,
      channel: "email",
      recipient: contact.email,
      subject: `Post-mortem published: ${postmortem.title}`,
      body: [`The post-mortem for ${postmortem.title} is published.`, "", `Read it and its action items: ${link}`].join("\n"),
      // Once per publication: reopening and publishing again tells people again.
      dedupeKey: `${postmortem.id}:${now.getTime()}:${contact.id}`,
      at: now,
    });
    notified += 1;
  }
  return notified;
}
