import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { diffRevisions } from "@/lib/postmortems/revisions/diff";
import { RevisionDiffView } from "./revision-diff-view";

const render = (older: { heading: string; body: string }[], newer: { heading: string; body: string }[]) =>
  renderToStaticMarkup(<RevisionDiffView diffs={diffRevisions(older, newer)} />);

describe("RevisionDiffView", () => {
  it("marks added lines with + and removed lines with −, folds long unchanged runs, names each section", () => {
    const context = Array.from({ length: 10 }, (_, index) => `step ${index + 1}`).join("\n");
    const html = render(
      [{ heading: "Timeline", body: `${context}\n- Resolution: 11:00` }, { heading: "Analysis", body: "same" }],
      [{ heading: "Timeline", body: `${context}\n- Resolution: 10:45` }, { heading: "Analysis", body: "same" }, { heading: "Appendix", body: "logs" }],
    );
    expect(html).toContain('data-testid="revision-diff"');
    expect(html).toMatch(/data-testid="diff-removed"><span aria-label="removed">−<\/span> - Resolution: 11:00</);
    expect(html).toMatch(/data-testid="diff-added"><span aria-label="added">\+<\/span> - Resolution: 10:45</);
    expect(html).toContain("… 7 unchanged lines");
    expect(html).toContain("step 8");
    expect(html).not.toContain("step 7<");
    expect(html).toMatch(/Analysis<\/h3><p[^>]*>No changes\./);
    expect(html).toContain("(section added)");
  });

  it("says so when two revisions read the same", () => {
    expect(render([{ heading: "A", body: "x" }], [{ heading: "A", body: "x" }])).toContain("These revisions have the same text.");
  });
});
