import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PolicySummary } from "./policy-summary";

const steps = (html: string) => [...html.matchAll(/<li data-testid="policy-step">(.*?)<\/li>/g)].map((match) => match[1]);

describe("PolicySummary", () => {
  it("reads each step's delay from the one before it, and names who it pages", () => {
    const html = renderToStaticMarkup(
      <PolicySummary
        policy={{
          repeatCount: 2,
          steps: [
            { afterMinutes: 0, targets: [{ type: "team_lead" }, { type: "team_members" }] },
            { afterMinutes: 5, targets: [{ type: "contact", contactId: "c1" }] },
            { afterMinutes: 0, targets: [{ type: "contact", contactId: "gone" }] },
            { afterMinutes: 1, targets: [{ type: "team_lead" }] },
          ],
        }}
        contacts={[{ id: "c1", name: "John Doe" }]}
      />,
    );
    expect(steps(html)).toEqual([
      "At once: team lead, all members",
      "5 minutes later: John Doe",
      "With step 2: a contact who no longer exists",
      "1 minute later: team lead",
    ]);
    expect(html).toContain("Repeated 2 more times while nobody acknowledges.");
  });

  it("says when the first step waits, and when nothing repeats", () => {
    const html = renderToStaticMarkup(<PolicySummary policy={{ repeatCount: 0, steps: [{ afterMinutes: 10, targets: [{ type: "team_members" }] }] }} contacts={[]} />);
    expect(steps(html)).toEqual(["After 10 minutes: all members"]);
    expect(html).toContain("Not repeated.");
  });
});
