import { describe, expect, it } from "vitest";
import { z } from "zod";
import { saveTemplateSchema } from "./schemas";

const errors = (input: Record<string, unknown>) => {
  const result = saveTemplateSchema.safeParse(input);
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
};

describe("saveTemplateSchema", () => {
  it("refuses an unknown placeholder, naming it on the field it is in", () => {
    const found = errors({ kind: "incident", channel: "email", subject: "[{{sevrity}}] {{title}}", body: "{{impact}} {{nextstep}}" });
    expect(found.subject).toEqual([expect.stringMatching(/^Unknown placeholder \{\{sevrity\}\}; use one of: severity, timestamp, /)]);
    expect(found.body).toEqual([expect.stringMatching(/^Unknown placeholder \{\{nextstep\}\};/)]);
  });

  it("names every unknown placeholder, not only the first", () => {
    expect(errors({ kind: "update", channel: "sms", body: "{{a}} {{b}} {{progress" }).body).toEqual([
      expect.stringContaining("{{a}}"),
      expect.stringContaining("{{b}}"),
      expect.stringContaining('"{{progress"'),
    ]);
  });

  it("requires a subject for email and refuses one for SMS", () => {
    expect(errors({ kind: "incident", channel: "email", subject: "  ", body: "x" }).subject).toEqual(["Subject is required for email"]);
    expect(errors({ kind: "incident", channel: "email", subject: "a\nb", body: "x" }).subject).toEqual(["Subject must be a single line"]);
    expect(errors({ kind: "incident", channel: "sms", subject: "Hello", body: "x" }).subject).toEqual(["Subject must be empty: SMS has no subject"]);
  });

  it("requires a body of at most 5000 characters", () => {
    expect(errors({ kind: "resolution", channel: "sms", body: " \r\n " }).body).toEqual(["Body must not be empty"]);
    expect(errors({ kind: "resolution", channel: "sms", body: "x".repeat(5001) }).body).toEqual(["Body must be at most 5000 characters"]);
  });

  it("refuses kinds and channels that do not exist", () => {
    expect(errors({ kind: "reminder", channel: "fax", body: "x" })).toMatchObject({
      kind: ["kind must be one of incident, update, resolution"],
      channel: ["channel must be sms or email"],
    });
  });

  it("normalises line ends and gives SMS a null subject", () => {
    expect(saveTemplateSchema.parse({ kind: "incident", channel: "sms", subject: "", body: "A {{title}}\r\nB\r\n" })).toEqual({
      kind: "incident",
      channel: "sms",
      subject: null,
      body: "A {{title}}\nB",
    });
  });
});
