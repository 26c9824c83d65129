import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { declareIncident, resolveIncident } from "@/lib/command/lifecycle";
import { createActionItem, updateActionItem } from "@/lib/postmortems/action-items/write";
import { freshIncidentWorld, type IncidentWorld } from "@/test/incident-fixtures";
import { createPostmortem } from "./create";
import { postmortemMarkdown } from "./markdown-export";
import { documentParts } from "./parts";
import { getPostmortem } from "./queries";

let world: IncidentWorld;
const t0 = new Date("2026-03-01T10:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeEach(async () => {
  world = await freshIncidentWorld(db);
});

async function resolvedIncident(title = "Bridge relayer stalled") {
  const input = { title, severityId: world.severities.high, systemIds: [world.systems.bridge.id], impact: "Withdrawals fail", description: "" };
  const incident = await declareIncident(db, input, world.users.commander, t0);
  await resolveIncident(db, { incidentId: incident.id, resolution: "Restarted the relayer", prevention: "", followUp: "" }, world.users.commander, later(30));
  return incident;
}

/** A post-mortem as one was written before its Action Items section listed the tracker: free text there. */
async function olderPostmortem(actionItemsText: string) {
  const incident = await resolvedIncident("Validator down");
  const sections = [
    { heading: "Incident Overview", body: "- Impact: Withdrawals fail" },
    { heading: "Analysis", body: "- What went wrong: the relayer stalled" },
    { heading: "Action Items", body: actionItemsText },
  ];
  const { id } = await db.postmortem.create({
    data: { incidentId: incident.id, title: "INC-1: Validator down", sections: { create: sections.map((section, position) => ({ ...section, position })) } },
    select: { id: true },
  });
  return id;
}

const responder = () => ({ id: world.users.responder.id, email: world.users.responder.email });
const actionItemsPart = async (id: string) => documentParts((await getPostmortem(db, id))!).find((part) => part.kind === "actionItems")!;

describe("the post-mortem's action items section", () => {
  it("lists the items tracked for the post-mortem, with owner, due date and status, where the template puts the section", async () => {
    const incident = await resolvedIncident();
    const { id } = await createPostmortem(db, incident.id, world.users.commander, later(60));
    expect(await actionItemsPart(id)).toEqual({ kind: "actionItems", heading: "Action Items", items: [], earlierNotes: "" });

    const input = { title: "Alert on relayer lag", ownerId: world.users.responder.id, priority: "high" as const, kind: "short_term_fix" as const, dueOn: "2026-03-20" };
    await createActionItem(db, id, input, responder(), later(70));
    const second = await createActionItem(db, id, { ...input, title: "Write the relayer runbook", ownerId: null, dueOn: null, kind: "process_update" }, responder(), later(71));
    await updateActionItem(db, second.id, { status: "done" }, responder(), later(80));

    const detail = (await getPostmortem(db, id))!;
    expect(documentParts(detail).map((part) => (part.kind === "text" ? part.section.heading : `[${part.heading}: ${part.items.map((item) => item.title).join(", ")}]`))).toEqual([
      "Incident Overview",
      "Timeline",
      "Analysis",
      "[Action Items: Alert on relayer lag, Write the relayer runbook]",
    ]);
    const markdown = postmortemMarkdown(detail);
    expect(markdown).toContain(
      [
        "## Action Items",
        "",
        "| Title | Owner | Priority | Kind | Due | Status |",
        "| --- | --- | --- | --- | --- | --- |",
        "| Alert on relayer lag | Responder | High | Short-term fix | 2026-03-20 | Open |",
        "| Write the relayer runbook | Unassigned | High | Process update | — | Done |",
      ].join("\n"),
    );
    expect(markdown).not.toContain("Short-term fixes");
    expect(markdown).not.toContain("Earlier notes");
  });

  it("keeps what an older post-mortem wrote in that section, under the list as earlier notes, and leaves the stored text as it was", async () => {
    const notes = "1. Short-term fixes: restart script for the relayer\n2. Long-term improvements\n3. Process updates";
    const id = await olderPostmortem(notes);
    await createActionItem(db, id, { title: "Restart script", ownerId: null, priority: "medium", kind: "short_term_fix", dueOn: null }, responder(), later(70));

    expect(await actionItemsPart(id)).toMatchObject({ heading: "Action Items", items: [{ title: "Restart script" }], earlierNotes: notes });
    const markdown = postmortemMarkdown((await getPostmortem(db, id))!);
    expect(markdown).toContain(`| Restart script | Unassigned | Medium | Short-term fix | — | Open |\n\n### Earlier notes\n\n${notes}\n`);
    expect((await db.postmortemSection.findFirstOrThrow({ where: { postmortemId: id, heading: "Action Items" } })).body).toBe(notes);
  });

  it("shows no earlier notes for an older post-mortem that kept only the plan's prompt there", async () => {
    const id = await olderPostmortem("1. Short-term fixes\n2. Long-term improvements\n3. Process updates\n");
    expect(await actionItemsPart(id)).toMatchObject({ items: [], earlierNotes: "" });
    expect(postmortemMarkdown((await getPostmortem(db, id))!)).toMatch(/## Action Items\n\nNo action items are tracked yet\.\n$/);
  });
});
