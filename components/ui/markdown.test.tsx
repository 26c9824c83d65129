import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "@/lib/format/markdown-escape";
import { Markdown } from "./markdown";

describe("Markdown", () => {
  it("renders formatting", () => {
    const html = renderToStaticMarkup(<Markdown>{"Relayer **stalled**, see `logs`"}</Markdown>);
    expect(html).toContain("<strong>stalled</strong>");
    expect(html).toContain("<code>logs</code>");
  });

  it("drops raw HTML and script links", () => {
    const html = renderToStaticMarkup(
      <Markdown>{'<script>alert(1)</script>\n\nText <img src=x onerror="alert(2)"> and [click](javascript:alert(3))'}</Markdown>,
    );
    expect(html).not.toMatch(/<script|<img|onerror|javascript:/i);
    expect(html).toContain("click");
  });

  it("shows an image as a link to it, never loading it", () => {
    const html = renderToStaticMarkup(<Markdown>{"![tracking](https://evil.example/p.png)"}</Markdown>);
    expect(html).not.toContain("<img");
    expect(html).toContain('<a href="https://evil.example/p.png">Image: tracking</a>');
  });

  it("shows an alert's escaped label as the text it was", () => {
    const label = "![x](https://evil.example/p.png) **bold** <b>";
    const html = renderToStaticMarkup(<Markdown>{`- service: ${escapeMarkdown(label)}`}</Markdown>);
    // Nothing but text, and the bare URL GitHub's Markdown links anyway: never an image.
    expect(html).not.toMatch(/<img|<strong|<b>/);
    expect(html.replace(/<a href="[^"]*">|<\/a>/g, "")).toContain("![x](https://evil.example/p.png) **bold** &lt;b&gt;");
  });
});
