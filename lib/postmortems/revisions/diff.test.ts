import { describe, expect, it } from "vitest";
import { diffRevisions } from "./diff";

const numbered = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => `line ${from + index}`);

describe("diffRevisions", () => {
  it("marks the lines a section gained and lost, and leaves unchanged sections unflagged", () => {
    const older = [
      { heading: "Overview", body: "- Impact: withdrawals fail\n- Root Cause:" },
      { heading: "Timeline", body: "- Detection: 10:00" },
    ];
    const newer = [
      { heading: "Overview", body: "- Impact: withdrawals fail\n- Root Cause: expired certificate" },
      { heading: "Timeline", body: "- Detection: 10:00\n" },
    ];
    expect(diffRevisions(older, newer)).toEqual([
      {
        heading: "Overview",
        presence: "kept",
        changed: true,
        lines: [
          { kind: "same", text: "- Impact: withdrawals fail" },
          { kind: "removed", text: "- Root Cause:" },
          { kind: "added", text: "- Root Cause: expired certificate" },
        ],
      },
      { heading: "Timeline", presence: "kept", changed: false, lines: [{ kind: "same", text: "- Detection: 10:00" }] },
    ]);
  });

  it("keeps blank lines as lines", () => {
    const [section] = diffRevisions([{ heading: "A", body: "one\n\nthree" }], [{ heading: "A", body: "one\n\n3" }]);
    expect(section!.lines).toEqual([
      { kind: "same", text: "one" },
      { kind: "same", text: "" },
      { kind: "removed", text: "three" },
      { kind: "added", text: "3" },
    ]);
  });

  it("folds unchanged runs longer than six lines to three lines of context around each change", () => {
    const older = [...numbered(1, 10), "old 11", ...numbered(12, 30)];
    const newer = [...numbered(1, 10), "new 11", ...numbered(12, 18), "new 19", ...numbered(20, 25), ...numbered(26, 30)];
    const [section] = diffRevisions([{ heading: "Log", body: older.join("\n") }], [{ heading: "Log", body: newer.join("\n") }]);
    const shown = section!.lines.map((line) => (line.kind === "collapsed" ? `… ${line.count}` : `${line.kind} ${line.text}`));
    expect(shown).toEqual([
      "… 7",
      "same line 8",
      "same line 9",
      "same line 10",
      "removed old 11",
      "added new 11",
      // Seven unchanged lines between the changes: one folded, three kept on each side.
      "same line 12",
      "same line 13",
      "same line 14",
      "… 1",
      "same line 16",
      "same line 17",
      "same line 18",
      "removed line 19",
      "added new 19",
      "same line 20",
      "same line 21",
      "same line 22",
      "… 8",
    ]);
  });

  it("shows runs of six unchanged lines in full, and folds an unchanged long section entirely", () => {
    const six = numbered(1, 6).join("\n");
    const [short] = diffRevisions([{ heading: "A", body: `${six}\nold` }], [{ heading: "A", body: `${six}\nnew` }]);
    expect(short!.lines.filter((line) => line.kind === "same")).toHaveLength(6);
    const long = numbered(1, 20).join("\n");
    const [unchanged] = diffRevisions([{ heading: "B", body: long }], [{ heading: "B", body: long }]);
    expect(unchanged).toEqual({ heading: "B", presence: "kept", changed: false, lines: [{ kind: "collapsed", count: 20 }] });
  });

  it("matches sections by heading, shows added and removed sections whole and in place", () => {
    const older = [
      { heading: "Overview", body: "o" },
      { heading: "Obsolete", body: "gone 1\ngone 2" },
      { heading: "Timeline", body: "t" },
      { heading: "Trailing", body: "last" },
    ];
    const newer = [
      { heading: "Timeline", body: "t" },
      { heading: "Overview", body: "o" },
      { heading: "Analysis", body: "new text" },
    ];
    const diffs = diffRevisions(older, newer);
    expect(diffs.map((diff) => [diff.heading, diff.presence, diff.changed])).toEqual([
      ["Obsolete", "removed", true],
      ["Timeline", "kept", false],
      ["Overview", "kept", false],
      ["Analysis", "added", true],
      ["Trailing", "removed", true],
    ]);
    expect(diffs[0]!.lines).toEqual([
      { kind: "removed", text: "gone 1" },
      { kind: "removed", text: "gone 2" },
    ]);
    expect(diffs[3]!.lines).toEqual([{ kind: "added", text: "new text" }]);
  });

  it("treats an emptied section as lines removed, not as a removed section", () => {
    const [section] = diffRevisions([{ heading: "A", body: "text" }], [{ heading: "A", body: "" }]);
    expect(section).toEqual({ heading: "A", presence: "kept", changed: true, lines: [{ kind: "removed", text: "text" }] });
  });
});
