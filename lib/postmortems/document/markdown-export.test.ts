import { describe, expect, it } from "vitest";
import type { ActionItemView } from "@/lib/postmortems/action-items/view";
import { postmortemFileName, postmortemMarkdown } from "./markdown-export";
import type { PostmortemDetail } from "./queries";

const incident = { id: "i-1", reference: "INC-12", title: "Bridge relayer stalled", severity: "critical", declaredAt: "2026-11-20T09:00:00.000Z", resolvedAt: "2026-11-20T10:30:00.000Z" };

const item = (overrides: Partial<ActionItemView>): ActionItemView => ({
  id: "a-1",
  title: "Alert on relayer lag",
  priority: "high",
  kind: "short_term_fix",
  status: "open",
  owner: { id: "u-1", name: "Ada Lovelace" },
  dueOn: "2026-12-01",
  completedAt: null,
  createdAt: "2026-11-21T08:00:00.000Z",
  postmortem: { id: "p-1", title: "Post-mortem: Bridge relayer stalled" },
  incident: { id: incident.id, reference: incident.reference, title: incident.title },
  ...overrides,
});

const section = (heading: string, body: string) => ({ id: heading, heading, body, version: 1, updatedBy: "Ada Lovelace", updatedAt: "2026-11-21T08:00:00.000Z" });

const published: PostmortemDetail = {
  id: "p-1",
  title: "Post-mortem: Bridge relayer stalled",
  status: "published",
  createdBy: "Ada Lovelace",
  createdAt: "2026-11-21T08:00:00.000Z",
  updatedAt: "2026-11-22T08:00:00.000Z",
  publishedAt: "2026-11-22T16:45:00.000Z",
  publishedBy: "Grace Hopper",
  incident,
  sections: [section("Incident Overview", "- Duration: 1h 30m\n- Root Cause: a full disk\n\n"), section("Analysis", "")],
  reviewers: [
    { id: "u-2", name: "Grace Hopper", approvedAt: "2026-11-22T16:40:00.000Z" },
    { id: "u-3", name: "Alan Turing", approvedAt: null },
  ],
  actionItems: [
    item({}),
    item({ id: "a-2", title: "Runbook | disk cleanup\nfor relayers", priority: "low", kind: "process_update", status: "wont_do", owner: null, dueOn: null }),
  ],
};

describe("postmortemMarkdown", () => {
  it("writes the title, the facts, every section and, after a template without an action items section, the tracked items as a table", () => {
    expect(postmortemMarkdown(published)).toBe(`# Post-mortem: Bridge relayer stalled

- **Incident:** INC-12 — Bridge relayer stalled
- **Severity:** critical
- **Status:** Published
- **Published:** 22 Nov 2026, 16:45 UTC by Grace Hopper
- **Reviewers:** Grace Hopper (approved 22 Nov 2026, 16:40 UTC), Alan Turing

## Incident Overview

- Duration: 1h 30m
- Root Cause: a full disk

## Analysis

## Action Items

| Title | Owner | Priority | Kind | Due | Status |
| --- | --- | --- | --- | --- | --- |
| Alert on relayer lag | Ada Lovelace | High | Short-term fix | 2026-12-01 | Open |
| Runbook \\| disk cleanup for relayers | Unassigned | Low | Process update | — | Won't do |
`);
  });

  it("leaves out the publication line when there is none, and says when no action item is tracked", () => {
    const markdown = postmortemMarkdown({ ...published, status: "draft", publishedAt: null, publishedBy: null, reviewers: [], actionItems: [] });
    expect(markdown).toContain("- **Status:** Draft\n- **Reviewers:** None named\n");
    expect(markdown).not.toContain("Published:");
    expect(markdown.endsWith("## Analysis\n\n## Action Items\n\nNo action items are tracked yet.\n")).toBe(true);
  });

  it("lists the tracked items in the action items section, where it is, with that section's earlier text under them", () => {
    const sections = [section("Timeline", "- Detection: 09:00"), section("Action Items", "1. Rotate the relayer key\n"), section("Appendix", "Logs")];
    expect(postmortemMarkdown({ ...published, sections, actionItems: [item({})] }).split("- **Reviewers:**")[1]).toBe(` Grace Hopper (approved 22 Nov 2026, 16:40 UTC), Alan Turing

## Timeline

- Detection: 09:00

## Action Items

| Title | Owner | Priority | Kind | Due | Status |
| --- | --- | --- | --- | --- | --- |
| Alert on relayer lag | Ada Lovelace | High | Short-term fix | 2026-12-01 | Open |

### Earlier notes

1. Rotate the relayer key

## Appendix

Logs
`);
  });

  it("shows no earlier notes where the section holds only the plan's prompt", () => {
    const sections = [section("Action Items", "1. Short-term fixes\n2. Long-term improvements\n3. Process updates")];
    const markdown = postmortemMarkdown({ ...published, sections, actionItems: [] });
    expect(markdown).not.toContain("Earlier notes");
    expect(markdown).not.toContain("Short-term fixes");
    expect(markdown.endsWith("## Action Items\n\nNo action items are tracked yet.\n")).toBe(true);
  });
});

describe("postmortemFileName", () => {
  it("names the file after the incident", () => {
    expect(postmortemFileName(published)).toBe("INC-12-post-mortem.md");
  });
});
