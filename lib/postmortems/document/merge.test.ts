import { describe, expect, it } from "vitest";
import { mergeSection } from "./merge";

const base = ["- What went well:", "- What went wrong:", "- What could be improved:"].join("\n");

describe("mergeSection", () => {
  it("takes whichever side changed when only one did", () => {
    expect(mergeSection(base, base, "mine")).toEqual({ clean: true, text: "mine" });
    expect(mergeSection(base, "theirs", base)).toEqual({ clean: true, text: "theirs" });
  });

  it("combines changes to different lines", () => {
    const mine = base.replace("went well:", "went well: paging was fast");
    const theirs = base.replace("be improved:", "be improved: drill more");
    expect(mergeSection(base, theirs, mine)).toEqual({
      clean: true,
      text: ["- What went well: paging was fast", "- What went wrong:", "- What could be improved: drill more"].join("\n"),
    });
  });

  it("treats the same change on both sides as agreement", () => {
    const both = base.replace("went wrong:", "went wrong: the relayer");
    expect(mergeSection(base, both, both)).toEqual({ clean: true, text: both });
  });

  it("refuses different changes to the same line, suggesting a text with both", () => {
    const mine = base.replace("went wrong:", "went wrong: alerts were late");
    const theirs = base.replace("went wrong:", "went wrong: the failover script hung");
    const result = mergeSection(base, theirs, mine);
    expect(result.clean).toBe(false);
    expect(!result.clean && result.suggestion).toBe(
      ["- What went well:", "- What went wrong: alerts were late", "- What went wrong: the failover script hung", "- What could be improved:"].join("\n"),
    );
  });
});
