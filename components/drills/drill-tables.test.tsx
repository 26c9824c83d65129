import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { DrillRunSummary, DrillScheduleStatus } from "@/lib/drills/queries";
import { PLAN_OBJECTIVES } from "@/lib/incidents/rules";
import { OverdueDrillsCard } from "@/components/overview/overdue-drills-card";
import { DrillRunHistory } from "./drill-run-history";
import { DrillScheduleTable } from "./drill-schedule-table";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

const schedule = (key: string, fields: Partial<DrillScheduleStatus>): DrillScheduleStatus => ({
  id: key, key, frequency: "weekly", durationSeconds: 7200, systems: ["backups"], lastRun: null,
  nextDueAt: new Date("2026-06-10T09:00:00Z"), overdue: true, daysUntilDue: 0, daysOverdue: 5, ...fields,
});

describe("the drill schedule table", () => {
  it("marks an overdue drill, says when the others are due, and shows each last run", () => {
    const html = renderToStaticMarkup(
      <DrillScheduleTable
        schedules={[
          schedule("full_recovery", {}),
          schedule("backup_verification", {
            overdue: false, daysUntilDue: 1, daysOverdue: 0, nextDueAt: new Date("2026-06-16T09:00:00Z"),
            lastRun: { id: "run-1", performedAt: new Date("2026-06-09T09:00:00Z"), result: "passed" },
          }),
        ]}
      />,
    );
    const [first, second] = html.split('data-testid="drill-schedule-row"').slice(1).map(text);
    expect(first).toContain("full recovery weekly 2 hours backups never Overdue by 5 days since 10 Jun 2026, 09:00 UTC");
    expect(second).toContain("9 Jun 2026, 09:00 UTC passed Due in 1 day on 16 Jun 2026, 09:00 UTC");
    expect(html.match(/data-testid="drill-overdue"/g)).toHaveLength(1);
  });
});

describe("the drill run history", () => {
  it("compares each run with the RTO and RPO and flags a breach", () => {
    const run: DrillRunSummary = {
      id: "run-1", performedAt: new Date("2026-06-09T09:00:00Z"), createdAt: new Date("2026-06-09T10:00:00Z"), participants: ["Ada", "Bo"], systems: ["bridge"],
      recoveryTimeSeconds: 4 * 3600 + 60, dataLossSeconds: null, result: "partial", notes: "", recordedBy: null, runbookRunCount: 2,
      schedule: { id: "s", key: "component_recovery", frequency: "monthly" },
    };
    const html = renderToStaticMarkup(<DrillRunHistory runs={[run]} objectives={PLAN_OBJECTIVES} />);
    expect(text(html)).toContain("9 Jun 2026, 09:00 UTC 2 runbook runs component recovery partial 4h 01m RTO 4 hours · breached not measured Ada, Bo");
    expect(html).toContain('data-testid="drill-recovery-time" data-breached="true"');
  });
});

describe("the overview's overdue drills", () => {
  it("lists the overdue drills, or says all are on schedule", () => {
    expect(text(renderToStaticMarkup(<OverdueDrillsCard overdue={[schedule("full_recovery", { frequency: "quarterly" })]} />))).toContain(
      "Overdue full recovery quarterly never run, due since 10 Jun 2026, 09:00 UTC",
    );
    expect(text(renderToStaticMarkup(<OverdueDrillsCard overdue={[]} />))).toContain("All drills on schedule.");
  });
});
