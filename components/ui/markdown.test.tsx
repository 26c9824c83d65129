import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
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
});
