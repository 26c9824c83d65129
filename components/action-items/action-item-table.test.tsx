import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ActionItemView } from "@/lib/postmortems/action-items/view";
import { ActionItemFields } from "./action-item-fields";
import { ActionItemTable } from "./action-item-table";
import { ActionItemsPanel } from "./action-items-panel";
import { utcToday } from "./utc-today";

const item = (overrides: Partial<ActionItemView>): ActionItemView => ({
  id: "5b0b7f52-5a43-4a39-9b0e-0c6f3f0a0001",
  title: "Alert on relayer lag",
  priority: "high",
  kind: "short_term_fix",
  status: "open",
  owner: { id: "owner-1", name: "Olga Owner" },
  dueOn: "2026-03-01",
  completedAt: null,
  createdAt: "2026-02-20T09:00:00.000Z",
  postmortem: { id: "pm-1", title: "Post-mortem: Bridge relayer stalled" },
  incident: { id: "inc-1", reference: "INC-7", title: "Bridge relayer stalled" },
  ...overrides,
});

const late = item({});
const finished = item({ id: "5b0b7f52-5a43-4a39-9b0e-0c6f3f0a0002", title: "Write the runbook", status: "done", owner: null });
const rows = (html: string) => [...html.matchAll(/<tr data-testid="action-item-row" data-overdue="(true|false)"/g)].map((match) => match[1]);

describe("ActionItemTable", () => {
  it("highlights unfinished items past their due date and links each to its post-mortem and incident", () => {
    const html = renderToStaticMarkup(<ActionItemTable items={[late, finished]} today="2026-03-10" canEdit={false} showSource />);
    expect(rows(html)).toEqual(["true", "false"]);
    expect(html.match(/data-testid="overdue-badge"/g)).toHaveLength(1);
    expect(html).toContain('href="/postmortems/pm-1"');
    expect(html).toMatch(/href="\/incidents\/inc-1"[^>]*>INC-7</);
    expect(html).toContain("Unassigned");
    // A viewer reads the status; there is nothing to change it with.
    expect(html).not.toContain('data-testid="action-item-status"');
    expect(html).toContain(">Done<");
  });

  it("gives responders a status control per row", () => {
    const html = renderToStaticMarkup(
      <QueryClientProvider client={new QueryClient()}>
        <ActionItemTable items={[late, finished]} today="2026-02-01" canEdit />
      </QueryClientProvider>,
    );
    expect(rows(html)).toEqual(["false", "false"]);
    expect(html.match(/data-testid="action-item-status"/g)).toHaveLength(2);
    expect(html).not.toContain("/incidents/");
  });
});

describe("ActionItemsPanel", () => {
  const render = (props: { canEdit: boolean; canChangeFields: boolean }) =>
    renderToStaticMarkup(
      <QueryClientProvider client={new QueryClient()}>
        <ActionItemsPanel postmortemId="pm-1" items={[item({ dueOn: utcToday() })]} owners={[{ id: "owner-2", name: "Bo Builder" }]} {...props} />
      </QueryClientProvider>,
    );

  it("offers the add form and editing only while the post-mortem can change, and status to responders", () => {
    const draft = render({ canEdit: true, canChangeFields: true });
    expect(draft).toContain('data-testid="action-items-panel"');
    expect(draft).toContain('data-testid="add-action-item"');
    expect(draft).toMatch(/<option value=""[^>]*>Unassigned<\/option><option value="owner-2">Bo Builder<\/option>/);
    expect(draft).toContain(">Edit<");
    expect(draft).toContain('data-testid="action-item-status"');
    expect(rows(draft)).toEqual(["false"]);

    const published = render({ canEdit: true, canChangeFields: false });
    expect(published).not.toContain('data-testid="add-action-item"');
    expect(published).not.toContain(">Edit<");
    expect(published).toContain('data-testid="action-item-status"');

    const viewer = render({ canEdit: false, canChangeFields: false });
    expect(viewer).not.toContain('data-testid="action-item-status"');
  });
});

describe("ActionItemFields", () => {
  it("fills an item's fields, keeping an owner who can no longer be chosen", () => {
    const html = renderToStaticMarkup(<ActionItemFields idPrefix="edit-1" owners={[{ id: "owner-2", name: "Bo Builder" }]} item={late} state={null} />);
    expect(html).toMatch(/<option value="owner-1" selected="">Olga Owner<\/option>/);
    expect(html).toMatch(/id="edit-1-title"[^>]*value="Alert on relayer lag"/);
    expect(html).toMatch(/id="edit-1-due" type="date" name="dueOn" value="2026-03-01"/);
    expect(html).toMatch(/<option value="high" selected="">High<\/option>/);
  });
});
