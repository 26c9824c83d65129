import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seedMetricsWorld } from "@/test/metrics-fixtures";
import { renderMetrics } from "./registry";

// The plan's alert rules, checked and unit-tested by Prometheus's own tool, and Firebreak's
// exposition linted by it. Missing promtool is a failure, not a skip: .ci/run installs it.

const rules = path.resolve("config/prometheus");

function promtool(args: string[], input?: string) {
  const result = spawnSync("promtool", args, { cwd: rules, input, encoding: "utf8", timeout: 30_000 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") {
    throw new Error("promtool is not installed: .ci/run installs it with Debian's prometheus package (apt-get install prometheus)");
  }
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("recovery-monitoring.yml", () => {
  it("is a valid rule file with the plan's two alerts", () => {
    const { status, output } = promtool(["check", "rules", "recovery-monitoring.yml"]);
    expect(output).toContain("SUCCESS: 2 rules found");
    expect(status, output).toBe(0);
  });

  it("passes its unit tests: RecoveryTimeTooLong after 5m above 4 h, DataLossExceeded after 1m above 5 min", () => {
    const { status, output } = promtool(["test", "rules", "recovery-monitoring.test.yml"]);
    expect(output).toContain("SUCCESS");
    expect(status, output).toBe(0);
  });
});

describe("/api/metrics exposition", () => {
  it("passes promtool's metrics lint (HELP on every metric, counters end in _total)", async () => {
    const { now } = await seedMetricsWorld(db);
    const text = await renderMetrics(db, now);
    expect(text).toContain("recovery_time_seconds{");
    const { status, output } = promtool(["check", "metrics"], text);
    expect(output).toBe("");
    expect(status).toBe(0);
  });
});
