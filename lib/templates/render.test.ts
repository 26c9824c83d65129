import { describe, expect, it } from "vitest";
import { defaultTemplates } from "./defaults";
import { TEMPLATE_CHANNELS, TEMPLATE_KINDS } from "./kinds";
import { PLACEHOLDERS, type PlaceholderValues } from "./placeholders";
import { findUnknownPlaceholders, renderTemplate } from "./render";

const values = Object.fromEntries(PLACEHOLDERS.map((placeholder) => [placeholder.name, `<${placeholder.name}>`])) as PlaceholderValues;

describe("renderTemplate", () => {
  it("substitutes every placeholder, with or without spaces inside the braces", () => {
    expect(renderTemplate("{{severity}} {{ reference }} {{  ackCode}} & {{link }}", values)).toBe("<severity> <reference> <ackCode> & <link>");
  });

  it("leaves values as they are: plain text, no escaping", () => {
    expect(renderTemplate("Impact: {{impact}}", { ...values, impact: `<b>"Fees" & {{eta}}</b>` })).toBe(`Impact: <b>"Fees" & {{eta}}</b>`);
  });

  it("turns the plan's indented template literal into clean lines", () => {
    const plan = `
    Incident Update
    Time: {{timestamp}}
    Progress: {{progress}}   
    Next Steps: {{nextSteps}}
    ETA: {{eta}}
  `;
    expect(renderTemplate(plan, values)).toBe("Incident Update\nTime: <timestamp>\nProgress: <progress>\nNext Steps: <nextSteps>\nETA: <eta>");
  });

  it("keeps indentation relative to the rest and normalises CRLF", () => {
    expect(renderTemplate("  Steps:\r\n    - {{nextSteps}}\r\n", values)).toBe("Steps:\n  - <nextSteps>");
  });

  it("leaves unknown placeholders as written", () => {
    expect(renderTemplate("{{sevrity}} {{severity}}", values)).toBe("{{sevrity}} <severity>");
  });
});

describe("findUnknownPlaceholders", () => {
  it("accepts every placeholder the plan and Firebreak define", () => {
    expect(findUnknownPlaceholders(PLACEHOLDERS.map((placeholder) => `{{ ${placeholder.name} }}`).join("\n"))).toEqual([]);
  });

  it("accepts the default templates", () => {
    for (const kind of TEMPLATE_KINDS) {
      for (const channel of TEMPLATE_CHANNELS) {
        const { subject, body } = defaultTemplates[kind][channel];
        expect(findUnknownPlaceholders(`${subject ?? ""}\n${body}`)).toEqual([]);
      }
    }
  });

  it("names each unknown placeholder once, and says which ones exist", () => {
    const problems = findUnknownPlaceholders("{{sevrity}} {{ Severity }} {{sevrity}} {{next steps}}");
    expect(problems).toHaveLength(3);
    expect(problems[0]).toBe(`Unknown placeholder {{sevrity}}; use one of: ${PLACEHOLDERS.map((p) => p.name).join(", ")}`);
    expect(problems[1]).toMatch(/^Unknown placeholder \{\{Severity\}\};/); // names are case-sensitive
    expect(problems[2]).toMatch(/^Unknown placeholder \{\{next steps\}\};/);
  });

  it("reports malformed braces", () => {
    expect(findUnknownPlaceholders("Severity: {{severity\nTime: {{timestamp}}")).toEqual([
      'Malformed placeholder "{{severity": write placeholders as {{name}}',
    ]);
    expect(findUnknownPlaceholders("{{severity {{status}}")).toEqual(['Malformed placeholder "{{severity": write placeholders as {{name}}']);
    expect(findUnknownPlaceholders("Status: status}} now")).toEqual(['Malformed placeholder "status}}": write placeholders as {{name}}']);
    expect(findUnknownPlaceholders("empty {{ }} here")).toEqual(['Malformed placeholder "{{ }}": write placeholders as {{name}}']);
    expect(findUnknownPlaceholders("{{{severity}}}")).toHaveLength(1);
  });

  it("has nothing to say about plain text and single braces", () => {
    expect(findUnknownPlaceholders("Reply {ACK} to acknowledge: {x}")).toEqual([]);
  });
});
