import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TimelineEvent } from "@/lib/timeline/events";
import { Timeline } from "@/components/incidents/timeline";

const runId = "0b6f4a0e-4d7c-4f55-9a57-2f1f3f0a9d11";
const event = (kind: string, data: Record<string, unknown>, body = "", actor: string | null = null): TimelineEvent => ({
  id: kind,
  kind,
  actor,
  body,
  data: { runId, runbook: "demo-restore-chain-data", title: "Restore chain data", ...data },
  at: "2026-11-25T10:00:00.000Z",
});

const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'");

describe("runbook events on the timeline", () => {
  it("say what happened to which run, link to it, and keep a failure's reason", () => {
    const html = renderToStaticMarkup(
      <Timeline
        events={[
          event("runbook_requested", { parameters: { target: "node-1" }, destructive: true }, "Restore chain data (destructive: waits for a second commander's approval)", "Ada Admin"),
          event("runbook_approved", {}, "Restore chain data", "Cy Commander"),
          event("runbook_step", { step: "Unpack the archive", status: "succeeded", exitCode: 0, durationMs: 1234 }, "Unpack the archive: succeeded"),
          event("runbook_step", { step: "List the restored files", status: "failed", exitCode: 2 }, "List the restored files: failed (exit code 2)"),
          event("runbook_finished", { status: "timed_out" }, "Restore chain data: timed out (The run's time limit passed)"),
        ]}
      />,
    );
    const plain = text(html);
    expect(plain).toContain("Ada Admin requested Restore chain data with target=node-1 · destructive: waits for a second commander's approval");
    expect(plain).toContain("Cy Commander approved Restore chain data");
    expect(plain).toContain("Firebreak ran “Unpack the archive” of Restore chain data: succeeded · exit 0 · 1.2 s");
    expect(plain).toContain("List the restored files: failed (exit code 2)");
    expect(plain).toContain("Firebreak finished Restore chain data: timed out");
    expect(plain).toContain("The run's time limit passed");
    expect(html.match(new RegExp(`href="/runbooks/runs/${runId}"`, "g"))).toHaveLength(5);
    // A success's body only repeats the description.
    expect(plain).not.toContain("Unpack the archive: succeeded");
  });
});
