import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { declareIncident } from "@/lib/command/lifecycle";
import { resolveIncident } from "@/lib/command/lifecycle";
import { acknowledgeIncident, mitigateIncident } from "@/lib/command/lifecycle";
import { acknowledgeAsContact } from "@/lib/paging/acknowledgement/acknowledge";
import { setPostmortemTemplate } from "@/lib/postmortems/template/template";
import { publishPostmortem, reopenPostmortem, setApproval, setReviewers, submitForReview } from "@/lib/postmortems/review/workflow";
import { REVISION_WINDOW_MS } from "@/lib/postmortems/revisions/record";
import { freshIncidentWorld, type IncidentWorld } from "@/test/incident-fixtures";
import { createPostmortem } from "./create";
import { getPostmortem } from "./queries";
import { saveSections } from "./save";

let world: IncidentWorld;
const t0 = new Date("2026-03-01T10:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeEach(async () => {
  world = await freshIncidentWorld(db);
});

const declared = () =>
  declareIncident(
    db,
    { title: "Bridge relayer stalled", severityId: world.severities.high, systemIds: [world.systems.bridge.id], impact: "Withdrawals fail", description: "" },
    world.users.commander,
    t0,
  );

async function resolvedIncident(details = { prevention: "", followUp: "" }) {
  const incident = await declared();
  // Named, as a signed-in user is: the acknowledgement records who by name.
  await acknowledgeIncident(db, incident.id, { ...world.users.responder, name: "Responder" }, later(4));
  await resolveIncident(db, { incidentId: incident.id, resolution: "Restarted the relayer", ...details, dataLossSeconds: 60 }, world.users.commander, later(95));
  return incident;
}

async function started() {
  const incident = await resolvedIncident();
  const { id } = await createPostmortem(db, incident.id, world.users.commander, later(120));
  return { incident, postmortem: (await getPostmortem(db, id))! };
}

const section = (postmortem: NonNullable<Awaited<ReturnType<typeof getPostmortem>>>, heading: string) => postmortem.sections.find((s) => s.heading === heading)!;

describe("creating a post-mortem", () => {
  it("fills the plan's template from the incident: overview and timeline", async () => {
    const { incident, postmortem } = await started();
    expect(postmortem.title).toBe(`INC-${incident.number}: Bridge relayer stalled`);
    expect(postmortem.sections.map((s) => s.heading)).toEqual(["Incident Overview", "Timeline", "Analysis", "Action Items"]);
    const overview = section(postmortem, "Incident Overview").body;
    expect(overview).toContain("- Date/Time: 1 Mar 2026, 10:00 UTC");
    expect(overview).toContain("- Duration: 1h 35m");
    expect(overview).toContain("- Impact: Withdrawals fail");
    const timeline = section(postmortem, "Timeline").body;
    expect(timeline).toContain("- Detection: declared by Commander at 1 Mar 2026, 10:00 UTC");
    expect(timeline).toContain("- Response: acknowledged by Responder in the app at 1 Mar 2026, 10:04 UTC, 4m 00s after declaration\n");
    expect(timeline).toContain("- Resolution: resolved at 1 Mar 2026, 11:35 UTC: Restarted the relayer\n- Prevention:\n- Follow-up:\n");
    expect(timeline).toMatch(/- 1 Mar 2026, 10:00 UTC — Commander declared the incident \(high\)/);
    const events = await db.incidentEvent.findMany({ where: { incidentId: incident.id, kind: "postmortem_created" } });
    expect(events).toHaveLength(1);
    // The tracker lists the action items there: no text is copied into it.
    expect(section(postmortem, "Action Items").body).toBe("");
  });

  it("carries what the resolver wrote about prevention and follow-up into the resolution part", async () => {
    const incident = await resolvedIncident({ prevention: "Alert when the relayer's nonce stops moving", followUp: "Upgrade the relayer\nAdd a second relayer in another region" });
    const { id } = await createPostmortem(db, incident.id, world.users.commander, later(120));
    expect(section((await getPostmortem(db, id))!, "Timeline").body).toContain(
      [
        "- Resolution: resolved at 1 Mar 2026, 11:35 UTC: Restarted the relayer",
        "- Prevention: Alert when the relayer's nonce stops moving",
        "- Follow-up:",
        "  Upgrade the relayer",
        "  Add a second relayer in another region",
      ].join("\n"),
    );
  });

  it("carries them into a post-mortem from a template an admin saved without their placeholders", async () => {
    await setPostmortemTemplate(db, "## What happened\n- Impact: {{impact}}\n- Fixed: {{resolution}}\n\n## Action Items\n- {{title}}", world.users.admin);
    const incident = await resolvedIncident({ prevention: "Canary relayer upgrades", followUp: "Review the relayer runbook" });
    const { id } = await createPostmortem(db, incident.id, world.users.commander, later(120));
    const postmortem = (await getPostmortem(db, id))!;
    expect(section(postmortem, "What happened").body).toBe(
      "- Impact: Withdrawals fail\n- Fixed: resolved at 1 Mar 2026, 11:35 UTC: Restarted the relayer\n- Prevention: Canary relayer upgrades\n- Follow-up: Review the relayer runbook",
    );
    expect(section(postmortem, "Action Items").body).toBe("");
  });

  it("says nobody acknowledged an incident resolved 3 s after declaration, though resolving stamped acknowledgedAt", async () => {
    const incident = await declared();
    await resolveIncident(db, { incidentId: incident.id, resolution: "False alarm", prevention: "", followUp: "" }, world.users.commander, new Date(t0.getTime() + 3000));
    expect((await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).acknowledgedAt).not.toBeNull();
    const { id } = await createPostmortem(db, incident.id, world.users.commander, later(120));
    const timeline = section((await getPostmortem(db, id))!, "Timeline").body;
    expect(timeline).toContain("- Response: not acknowledged before it was resolved\n");
    expect(timeline).not.toContain("after declaration");
  });

  it("says nobody acknowledged an incident marked mitigated, then resolved, without an acknowledgement", async () => {
    const incident = await declared();
    await mitigateIncident(db, incident.id, world.users.commander, later(2));
    await resolveIncident(db, { incidentId: incident.id, resolution: "Fixed", prevention: "", followUp: "" }, world.users.commander, later(9));
    const { id } = await createPostmortem(db, incident.id, world.users.commander, later(120));
    expect(section((await getPostmortem(db, id))!, "Timeline").body).toContain("- Response: not acknowledged before it was resolved\n");
  });

  it("names the paged contact who acknowledged, and how", async () => {
    const incident = await declared();
    const page = await db.page.findFirstOrThrow({
      where: { incidentId: incident.id, kind: "incident", contactId: { not: null } },
      select: { contact: { select: { id: true, name: true, email: true } } },
    });
    const contact = page.contact!;
    await db.$transaction((tx) => acknowledgeAsContact(tx, { incidentId: incident.id, contact, via: "sms", now: later(2) }));
    await resolveIncident(db, { incidentId: incident.id, resolution: "Fixed", prevention: "", followUp: "" }, world.users.commander, later(30));
    const { id } = await createPostmortem(db, incident.id, world.users.commander, later(120));
    expect(section((await getPostmortem(db, id))!, "Timeline").body).toContain(
      `- Response: acknowledged by ${contact.name} via SMS reply at 1 Mar 2026, 10:02 UTC, 2m 00s after declaration\n`,
    );
  });

  it("is refused before the incident is resolved, and returns the existing one when asked twice", async () => {
    const open = await declareIncident(
      db,
      { title: "Open", severityId: world.severities.low, systemIds: [world.systems.bridge.id], impact: "None", description: "" },
      world.users.commander,
      t0,
    );
    await expect(createPostmortem(db, open.id, world.users.commander)).rejects.toThrow("Resolve the incident before writing its post-mortem.");
    const incident = await resolvedIncident();
    const [first, second] = await Promise.all([createPostmortem(db, incident.id, world.users.commander), createPostmortem(db, incident.id, world.users.responder)]);
    expect(first.id).toBe(second.id);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    expect(await db.postmortem.count()).toBe(1);
  });
});

describe("saving sections", () => {
  it("saves against the text the editor started from, merges others' changes to other lines, and refuses overlapping ones", async () => {
    const { postmortem } = await started();
    const analysis = section(postmortem, "Analysis");
    const alice = analysis.body.replace("went well:", "went well: paging reached everyone");
    const saved = await saveSections(db, { postmortemId: postmortem.id, changes: [{ sectionId: analysis.id, baseBody: analysis.body, body: alice }] }, world.users.responder, later(130));
    expect(saved).toMatchObject({ status: "saved", sections: [{ id: analysis.id, body: alice, version: 2 }] });

    // Bob started from the original text too, and changed another line: merged.
    const bob = analysis.body.replace("be improved:", "be improved: faster failover");
    const merged = await saveSections(db, { postmortemId: postmortem.id, changes: [{ sectionId: analysis.id, baseBody: analysis.body, body: bob }] }, world.users.commander, later(131));
    expect(merged.status).toBe("saved");
    const both = "- What went well: paging reached everyone\n- What went wrong:\n- What could be improved: faster failover";
    expect(merged.status === "saved" && merged.sections[0]!.body).toBe(both);

    // Carol, also from the original, rewrote the line Alice wrote: refused, nothing written.
    const carol = analysis.body.replace("went well:", "went well: the runbook worked");
    const refused = await saveSections(db, { postmortemId: postmortem.id, changes: [{ sectionId: analysis.id, baseBody: analysis.body, body: carol }] }, world.users.admin, later(132));
    expect(refused).toMatchObject({ status: "conflict", conflicts: [{ sectionId: analysis.id, heading: "Analysis", mine: carol, theirs: { body: both, updatedBy: "Commander" } }] });
    expect(refused.status === "conflict" && refused.conflicts[0]!.suggestion).toContain("paging reached everyone");
    expect(refused.status === "conflict" && refused.conflicts[0]!.suggestion).toContain("the runbook worked");
    const after = section((await getPostmortem(db, postmortem.id))!, "Analysis");
    expect(after).toMatchObject({ body: both, version: 3 });
  });

  it("writes nothing when any section of a save conflicts", async () => {
    const { postmortem } = await started();
    const overview = section(postmortem, "Incident Overview");
    const analysis = section(postmortem, "Analysis");
    await saveSections(db, { postmortemId: postmortem.id, changes: [{ sectionId: analysis.id, baseBody: analysis.body, body: "theirs" }] }, world.users.commander, later(130));
    const outcome = await saveSections(
      db,
      {
        postmortemId: postmortem.id,
        changes: [
          { sectionId: overview.id, baseBody: overview.body, body: "new overview" },
          { sectionId: analysis.id, baseBody: analysis.body, body: "mine" },
        ],
      },
      world.users.responder,
      later(131),
    );
    expect(outcome.status).toBe("conflict");
    expect(section((await getPostmortem(db, postmortem.id))!, "Incident Overview").body).toBe(overview.body);
    expect(await db.postmortemRevision.count({ where: { postmortemId: postmortem.id } })).toBe(2);
  });

  it("keeps one revision per author's sitting, with who and when", async () => {
    const { postmortem } = await started();
    const analysis = section(postmortem, "Analysis");
    const save = (body: string, baseBody: string, user: { id: string; email: string }, at: Date) =>
      saveSections(db, { postmortemId: postmortem.id, changes: [{ sectionId: analysis.id, baseBody, body }] }, user, at);
    await save("a", analysis.body, world.users.responder, later(130));
    await save("ab", "a", world.users.responder, later(131));
    await save("abc", "ab", world.users.responder, new Date(later(130).getTime() + REVISION_WINDOW_MS + 1));
    await save("abcd", "abc", world.users.commander, later(150));
    const revisions = await db.postmortemRevision.findMany({ where: { postmortemId: postmortem.id }, orderBy: { number: "asc" } });
    expect(revisions.map((revision) => [revision.number, revision.authorLabel])).toEqual([
      [1, "commander@example.test"],
      [2, "responder@example.test"],
      [3, "responder@example.test"],
      [4, "commander@example.test"],
    ]);
    expect((revisions[1]!.sections as { heading: string; body: string }[])[2]).toEqual({ heading: "Analysis", body: "ab" });
  });

  it("refuses sections of another post-mortem and edits to a published one", async () => {
    const { postmortem } = await started();
    await expect(
      saveSections(db, { postmortemId: postmortem.id, changes: [{ sectionId: "00000000-0000-4000-8000-000000000000", baseBody: "", body: "x" }] }, world.users.responder),
    ).rejects.toThrow("That section is not part of this post-mortem.");
    await setReviewers(db, postmortem.id, [world.users.admin.id], world.users.commander);
    await submitForReview(db, postmortem.id, world.users.responder);
    await setApproval(db, postmortem.id, true, world.users.admin);
    await publishPostmortem(db, postmortem.id, world.users.commander);
    const analysis = section(postmortem, "Analysis");
    await expect(
      saveSections(db, { postmortemId: postmortem.id, changes: [{ sectionId: analysis.id, baseBody: analysis.body, body: "late" }] }, world.users.responder),
    ).rejects.toThrow(/published and read-only/);
  });
});

describe("review and publication", () => {
  it("needs a reviewer to go to review, and review before publishing", async () => {
    const { postmortem } = await started();
    await expect(submitForReview(db, postmortem.id, world.users.responder)).rejects.toThrow(/at least one reviewer/);
    await expect(publishPostmortem(db, postmortem.id, world.users.commander)).rejects.toThrow(DomainError);
    await setReviewers(db, postmortem.id, [world.users.admin.id, world.users.responder.id], world.users.commander);
    await submitForReview(db, postmortem.id, world.users.responder);
    await expect(setApproval(db, postmortem.id, true, world.users.viewer)).rejects.toThrow("Only a named reviewer can approve this post-mortem.");
    await setApproval(db, postmortem.id, true, world.users.admin);
    const reviewing = (await getPostmortem(db, postmortem.id))!;
    expect(reviewing.status).toBe("in_review");
    expect(reviewing.reviewers.map((reviewer) => [reviewer.name, reviewer.approvedAt !== null])).toEqual([
      ["Admin", true],
      ["Responder", false],
    ]);
  });

  it("publishes only once every reviewer approves what is there now: an edit after approval takes the approvals back", async () => {
    const { postmortem } = await started();
    await setReviewers(db, postmortem.id, [world.users.admin.id, world.users.responder.id], world.users.commander);
    await submitForReview(db, postmortem.id, world.users.commander);
    await setApproval(db, postmortem.id, true, world.users.admin);
    await expect(publishPostmortem(db, postmortem.id, world.users.commander)).rejects.toThrow("Every reviewer approves before it is published: waiting for Responder.");
    await setApproval(db, postmortem.id, true, world.users.responder);

    const analysis = section(postmortem, "Analysis");
    await saveSections(db, { postmortemId: postmortem.id, changes: [{ sectionId: analysis.id, baseBody: analysis.body, body: "A late change" }] }, world.users.commander);
    expect((await getPostmortem(db, postmortem.id))!.reviewers.every((reviewer) => reviewer.approvedAt === null)).toBe(true);
    await expect(publishPostmortem(db, postmortem.id, world.users.commander)).rejects.toThrow(/waiting for Admin, Responder/);
    expect(await db.auditEntry.count({ where: { action: "postmortem.approvals_cleared", targetId: postmortem.id } })).toBe(1);
  });

  it("emails everyone the incident paged who accepts email, once per publication, and reopens as a draft", async () => {
    const { incident, postmortem } = await started();
    const engaged = await db.page.findMany({ where: { incidentId: incident.id, kind: "incident" }, distinct: ["contactId"], select: { contact: { select: { email: true, acceptsEmail: true } } } });
    const expected = engaged.filter((page) => page.contact!.acceptsEmail).map((page) => page.contact!.email).sort();
    expect(expected.length).toBeGreaterThan(0);
    await setReviewers(db, postmortem.id, [world.users.admin.id], world.users.commander);
    await submitForReview(db, postmortem.id, world.users.commander);
    await setApproval(db, postmortem.id, true, world.users.admin);
    const { notified } = await publishPostmortem(db, postmortem.id, world.users.commander, later(200));
    expect(notified).toBe(expected.length);
    const emails = await db.page.findMany({ where: { incidentId: incident.id, kind: "postmortem" }, select: { channel: true, recipient: true, subject: true, body: true } });
    expect(emails.map((page) => page.recipient).sort()).toEqual(expected);
    expect(emails.every((page) => page.channel === "email" && page.subject === `Post-mortem published: ${postmortem.title}`)).toBe(true);
    expect(emails[0]!.body).toContain(`/postmortems/${postmortem.id}`);
    expect(await db.incidentEvent.count({ where: { incidentId: incident.id, kind: "postmortem_published" } })).toBe(1);

    await reopenPostmortem(db, postmortem.id, world.users.commander, later(210));
    const reopened = (await getPostmortem(db, postmortem.id))!;
    expect(reopened).toMatchObject({ status: "draft", publishedAt: null });
    await submitForReview(db, postmortem.id, world.users.commander);
    await setApproval(db, postmortem.id, true, world.users.admin);
    await publishPostmortem(db, postmortem.id, world.users.commander, later(220));
    expect(await db.page.count({ where: { incidentId: incident.id, kind: "postmortem" } })).toBe(expected.length * 2);
  });
});
