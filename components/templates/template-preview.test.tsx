import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PLACEHOLDERS, type PlaceholderValues } from "@/lib/templates/placeholders";
import { TemplatePreview } from "./template-preview";

const values = Object.fromEntries(PLACEHOLDERS.map((placeholder) => [placeholder.name, placeholder.name.toUpperCase()])) as PlaceholderValues;

const preview = (subject: string | null, body: string) =>
  renderToStaticMarkup(<TemplatePreview subject={subject} body={body} values={values} caption="Preview" testId="p" />);

describe("TemplatePreview", () => {
  it("shows the rendered text, marking each unknown or malformed placeholder where it stayed", () => {
    const html = preview("[{{severity}}] {{titel}}", "  {{reference}} {{sevrity}}\n  Time: {{timestamp");
    expect(html).toMatch(/data-testid="p-subject">\[SEVERITY\] <mark/);
    expect(html.match(/<mark[^>]*>([^<]*)<\/mark>/g)?.map((mark) => mark.replace(/<[^>]+>/g, ""))).toEqual(["{{titel}}", "{{sevrity}}", "{{timestamp"]);
    expect(html).toContain("REFERENCE <mark");
    expect(html).toContain("\nTime: <mark");
  });

  it("marks nothing in a valid template, and has no subject line for SMS", () => {
    const html = preview(null, "Incident {{reference}}: {{title}}");
    expect(html).not.toContain("<mark");
    expect(html).not.toContain("p-subject");
    expect(html).toContain("Incident REFERENCE: TITLE");
  });
});
