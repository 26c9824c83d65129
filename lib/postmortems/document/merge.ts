import { diff3Merge } from "node-diff3";

// Pure: the server merges a save into what others saved meanwhile; the browser merges what the
// server sent back into what its person kept typing.

export type MergeResult = { clean: true; text: string } | { clean: false; suggestion: string };

const lines = (text: string) => text.split("\n");

/**
 * Three-way merge of one section by lines: `mine` and `theirs` both started from `base`. Changes to
 * different lines combine; two different changes to the same lines conflict, and the suggestion
 * keeps both (mine first, then the lines of theirs that mine lacks), so no one's words are lost.
 */
export function mergeSection(base: string, theirs: string, mine: string): MergeResult {
  if (mine === theirs || theirs === base) return { clean: true, text: mine };
  if (mine === base) return { clean: true, text: theirs };
  const regions = diff3Merge(lines(mine), lines(base), lines(theirs), { excludeFalseConflicts: true });
  let clean = true;
  const merged = regions.flatMap((region) => {
    if (region.ok) return region.ok;
    clean = false;
    const kept = new Set(region.conflict!.a);
    return [...region.conflict!.a, ...region.conflict!.b.filter((line) => !kept.has(line))];
  });
  return clean ? { clean: true, text: merged.join("\n") } : { clean: false, suggestion: merged.join("\n") };
}
