import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LinkifiedText, linkParts } from "./linkified-text";

describe("LinkifiedText", () => {
  it("turns web addresses into links and keeps the rest as text", () => {
    const html = renderToStaticMarkup(<LinkifiedText text={"Incident: http://localhost:3000/incidents/1\nAcknowledge: https://fb.example/ack/abc.def."} />);
    expect(html).toContain('<a href="http://localhost:3000/incidents/1"');
    // The full stop ends the sentence, not the address.
    expect(html).toContain('<a href="https://fb.example/ack/abc.def" class="text-brand-700 underline">https://fb.example/ack/abc.def</a>.');
    expect(html).toContain("Incident: ");
  });

  it("never injects markup or links that run script", () => {
    const html = renderToStaticMarkup(<LinkifiedText text={'<img src=x onerror="alert(1)"> javascript:alert(2) "https://a.example/x"onmouseover=1'} />);
    expect(html).not.toMatch(/<img|href="javascript:/);
    expect(html).toContain("&lt;img");
    expect(html).toContain('<a href="https://a.example/x"');
    expect(html).not.toMatch(/<a [^>]*onmouseover/);
  });

  it("leaves text without addresses whole", () => {
    expect(linkParts("Reply ACK 12 to acknowledge")).toEqual([{ text: "Reply ACK 12 to acknowledge" }]);
  });
});
