import { diffLines } from "diff";
import type { RevisionSnapshot } from "./record";

/** One line of a section's diff, or a run of unchanged lines folded away ("…"). */
export type DiffLine = { kind: "same" | "added" | "removed"; text: string } | { kind: "collapsed"; count: number };

export interface SectionDiff {
  heading: string;
  /** "kept": the section is in both revisions; otherwise it appeared or disappeared. */
  presence: "kept" | "added" | "removed";
  changed: boolean;
  lines: DiffLine[];
}

// Unchanged runs longer than this are folded, keeping CONTEXT lines next to each change.
const LONGEST_UNFOLDED_RUN = 6;
const CONTEXT = 3;

const linesOf = (text: string) => (text === "" ? [] : text.replace(/\n$/, "").split("\n"));

function foldUnchanged(lines: DiffLine[]): DiffLine[] {
  const folded: DiffLine[] = [];
  let start = 0;
  while (start < lines.length) {
    if (lines[start]!.kind !== "same") {
      folded.push(lines[start++]!);
      continue;
    }
    let end = start;
    while (end < lines.length && lines[end]!.kind === "same") end++;
    const run = lines.slice(start, end);
    const keepBefore = start > 0 ? CONTEXT : 0;
    const keepAfter = end < lines.length ? CONTEXT : 0;
    if (run.length > LONGEST_UNFOLDED_RUN && run.length > keepBefore + keepAfter) {
      folded.push(...run.slice(0, keepBefore), { kind: "collapsed", count: run.length - keepBefore - keepAfter }, ...run.slice(run.length - keepAfter));
    } else {
      folded.push(...run);
    }
    start = end;
  }
  return folded;
}

function diffBodies(older: string, newer: string): DiffLine[] {
  // A last line without its newline is the same line as one with it.
  const changes = diffLines(older, newer, { ignoreNewlineAtEof: true });
  return changes.flatMap((change) => {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    return linesOf(change.value).map((text) => ({ kind, text }));
  });
}

function wholeSection(heading: string, body: string, presence: "added" | "removed"): SectionDiff {
  return { heading, presence, changed: true, lines: linesOf(body).map((text) => ({ kind: presence, text })) };
}

/**
 * Compares two revisions section by section, matching sections by heading (headings are unique
 * within a post-mortem). Sections follow the newer revision's order; a removed one is shown
 * where it stood in the older revision.
 */
export function diffRevisions(older: RevisionSnapshot[], newer: RevisionSnapshot[]): SectionDiff[] {
  const olderIndex = new Map(older.map((section, index) => [section.heading, index]));
  const newerHeadings = new Set(newer.map((section) => section.heading));
  const removed = older.map((section, index) => ({ section, index })).filter(({ section }) => !newerHeadings.has(section.heading));
  const diffs: SectionDiff[] = [];
  for (const section of newer) {
    const index = olderIndex.get(section.heading);
    if (index === undefined) {
      diffs.push(wholeSection(section.heading, section.body, "added"));
      continue;
    }
    while (removed[0] && removed[0].index < index) {
      const gone = removed.shift()!.section;
      diffs.push(wholeSection(gone.heading, gone.body, "removed"));
    }
    const lines = diffBodies(older[index]!.body, section.body);
    diffs.push({ heading: section.heading, presence: "kept", changed: lines.some((line) => line.kind !== "same"), lines: foldUnchanged(lines) });
  }
  diffs.push(...removed.map(({ section }) => wholeSection(section.heading, section.body, "removed")));
  return diffs;
}
