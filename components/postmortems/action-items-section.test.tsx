import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { declareIncident, resolveIncident } from "@/lib/command/lifecycle";
import { createActionItem } from "@/lib/postmortems/action-items/write";
import { createPostmortem } from "@/lib/postmortems/document/create";
import { getPostmortem, type PostmortemDetail } from "@/lib/postmortems/document/queries";
import { freshIncidentWorld, type IncidentWorld } from "@/test/incident-fixtures";
import { PostmortemView } from "./postmortem-view";
import { PostmortemPrintView } from "./print-view";

let world: IncidentWorld;
let postmortem: PostmortemDetail;
const t0 = new Date("2026-03-01T10:00:00Z");

beforeEach(async () => {
  world = await freshIncidentWorld(db);
  const input = { title: "Bridge relayer stalled", severityId: world.severities.high, systemIds: [world.systems.bridge.id], impact: "Withdrawals fail", description: "" };
  const incident = await declareIncident(db, input, world.users.commander, t0);
  await resolveIncident(db, { incidentId: incident.id, resolution: "Restarted the relayer", prevention: "", followUp: "" }, world.users.commander);
  const { id } = await createPostmortem(db, incident.id, world.users.commander);
  const actor = { id: world.users.responder.id, email: world.users.responder.email };
  await createActionItem(db, id, { title: "Alert on relayer lag", ownerId: world.users.responder.id, priority: "high", kind: "short_term_fix", dueOn: "2026-03-20" }, actor);
  postmortem = (await getPostmortem(db, id))!;
});

// The section's HTML, from its opening tag to the next section's.
const actionItemsSection = (html: string) => /<section[^>]*data-testid="action-items-section"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";

const editor = (detail: PostmortemDetail) =>
  renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <PostmortemView initial={{ data: detail, at: Date.now() }} viewer={{ id: world.users.responder.id, role: "responder" }} people={[{ id: world.users.responder.id, name: "Responder" }]} />
    </QueryClientProvider>,
  );

describe("the editor", () => {
  it("lists the tracked action items in the Action Items section instead of a text box, and points to the tracker to change them", () => {
    const html = editor(postmortem);
    expect([...html.matchAll(/data-testid="section-editor" data-heading="([^"]+)"/g)].map((match) => match[1])).toEqual(["Incident Overview", "Timeline", "Analysis"]);
    const section = actionItemsSection(html);
    expect(section).toContain('data-heading="Action Items"');
    expect([...section.matchAll(/<tr[^>]*data-testid="tracked-action-item"[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((cell) => cell[1]))).toEqual([
      ["Alert on relayer lag", "Responder", "High", "Short-term fix", "2026-03-20", "Open"],
    ]);
    expect(section).toMatch(/href="#action-item-tracker"[^>]*>action item tracker<\/a>: add and change them there\./);
    expect(html).toMatch(/id="action-item-tracker"[^>]*><div data-testid="action-items-panel"/);
    // The write-up comes before the tracker's own panel.
    expect(html.indexOf('data-testid="action-items-section"')).toBeLessThan(html.indexOf('data-testid="action-items-panel"'));
  });

  it("keeps an older post-mortem's text in that section visible, as earlier notes under the list", () => {
    const sections = postmortem.sections.map((section) => (section.heading === "Action Items" ? { ...section, body: "1. Short-term fixes: restart the relayer nightly" } : section));
    const section = actionItemsSection(editor({ ...postmortem, sections }));
    expect(section).toContain('data-testid="earlier-notes"');
    expect(section).toContain("Earlier notes");
    expect(section).toContain("Short-term fixes: restart the relayer nightly");
    expect(section.indexOf("Alert on relayer lag")).toBeLessThan(section.indexOf("Earlier notes"));
  });
});

describe("the print view", () => {
  it("prints the tracked items in the Action Items section, after Analysis, with earlier notes under them", () => {
    const sections = postmortem.sections.map((section) => (section.heading === "Action Items" ? { ...section, body: "Rotate the relayer key" } : section));
    const html = renderToStaticMarkup(<PostmortemPrintView postmortem={{ ...postmortem, sections }} />);
    expect([...html.matchAll(/<section[^>]*aria-label="([^"]+)"/g)].map((match) => match[1])).toEqual(["Incident Overview", "Timeline", "Analysis", "Action Items"]);
    const section = actionItemsSection(html);
    expect(section).toMatch(/<td[^>]*>Alert on relayer lag<\/td><td[^>]*>Responder<\/td>.*<td[^>]*>2026-03-20<\/td><td[^>]*>Open<\/td>/);
    expect(section).toContain("Rotate the relayer key");
    expect(section).not.toContain('href="#action-item-tracker"');
    expect(html).not.toContain("Nothing written.");
  });

  it("says so when no action item is tracked", () => {
    const html = renderToStaticMarkup(<PostmortemPrintView postmortem={{ ...postmortem, actionItems: [] }} />);
    expect(actionItemsSection(html)).toContain("No action items are tracked yet.");
    expect(actionItemsSection(html)).not.toContain("Earlier notes");
  });
});
