import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultTemplates } from "./defaults";
import { renderTemplate } from "./render";
import { smsSegments } from "./segments";
import { cut, fitSms, SMS_FIELD_MAX, SMS_MAX_SEGMENTS, smsValues } from "./sms-fit";
import type { PlaceholderValues } from "./placeholders";

const LINK = "https://firebreak.example/incidents/7d8f3a52-3c1e-4f4b-9a51-0e2c5b7a9d10";

function values(overrides: Partial<PlaceholderValues> = {}): PlaceholderValues {
  return {
    severity: "critical",
    timestamp: "2026-12-03 03:00 UTC",
    system: "bridge",
    impact: "Withdrawals fail",
    actions: "",
    status: "declared",
    progress: "",
    nextSteps: "",
    eta: "",
    resolution: "",
    prevention: "",
    followup: "",
    reference: "INC-42",
    title: "Bridge relayer stalled",
    link: LINK,
    ackCode: "42",
    ackLink: "https://firebreak.example/ack/token",
    ...overrides,
  };
}

/** The incident page's SMS as paging renders it. */
function incidentSms(overrides: Partial<PlaceholderValues>): string {
  const all = smsValues(values(overrides));
  return fitSms(renderTemplate(defaultTemplates.incident.sms.body, all), [all.link, all.ackLink, `ACK ${all.ackCode}`]);
}

describe("an incident page's SMS", () => {
  it("leaves a message within budget as it is", () => {
    expect(incidentSms({})).toBe(renderTemplate(defaultTemplates.incident.sms.body, values()));
  });

  it("cuts an alert's long description, keeping the link and the ACK instruction whole", () => {
    const sms = incidentSms({ impact: "Relayer lag above threshold. ".repeat(200), title: "T".repeat(500) });
    expect(smsSegments(sms).segments).toBeLessThanOrEqual(SMS_MAX_SEGMENTS);
    expect(sms).toContain(`\n${LINK}\n`);
    expect(sms.endsWith("Reply ACK 42 to acknowledge")).toBe(true);
    expect(sms).toContain(`Impact: ${"Relayer lag above threshold. ".repeat(4).slice(0, 40)}`);
  });

  it("fits any text people or alerts write, in any script, and never loses the link or the ACK instruction", () => {
    const text = fc.oneof(fc.string({ maxLength: 3000 }), fc.string({ unit: "grapheme", maxLength: 1500 }), fc.string({ unit: "binary", maxLength: 1500 }));
    fc.assert(
      fc.property(text, text, text, text, (title, system, impact, severity) => {
        const sms = incidentSms({ title, system, impact, severity: severity.slice(0, 20) });
        const { segments } = smsSegments(sms);
        expect(segments).toBeLessThanOrEqual(SMS_MAX_SEGMENTS);
        expect(sms.length).toBeLessThanOrEqual(1600);
        expect(sms).toContain(LINK);
        expect(sms).toContain("Reply ACK 42 to acknowledge");
      }),
      { numRuns: 300 },
    );
  });
});

describe("smsValues and cut", () => {
  it("cut free text to SMS_FIELD_MAX characters, whole characters only, and leave links whole", () => {
    const long = "😀".repeat(200);
    const cutValues = smsValues(values({ title: long, link: `${LINK}?${"x".repeat(300)}` }));
    expect([...cutValues.title]).toHaveLength(SMS_FIELD_MAX);
    expect(cutValues.title.endsWith("😀...")).toBe(true);
    expect(cutValues.link).toHaveLength(LINK.length + 301);
    expect(cut("short", 10)).toBe("short");
  });
});
