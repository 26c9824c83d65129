import { z } from "zod";
import { TEMPLATE_CHANNELS, TEMPLATE_KINDS } from "./kinds";
import { findUnknownPlaceholders } from "./render";

export const BODY_MAX_LENGTH = 5000;
export const SUBJECT_MAX_LENGTH = 200;

export const templateKeySchema = z.object({
  kind: z.enum(TEMPLATE_KINDS, "kind must be one of incident, update, resolution"),
  channel: z.enum(TEMPLATE_CHANNELS, "channel must be sms or email"),
});

// Browsers submit text areas with CRLF line ends; templates are kept with LF.
const text = (field: string) => z.string(`${field} must be text`).transform((value) => value.replace(/\r\n?/g, "\n").trim());

export const saveTemplateSchema = templateKeySchema
  .extend({
    subject: text("Subject").nullish(),
    body: text("Body")
      .pipe(z.string().min(1, "Body must not be empty").max(BODY_MAX_LENGTH, `Body must be at most ${BODY_MAX_LENGTH} characters`)),
  })
  .superRefine((value, context) => {
    const subject = value.subject ?? "";
    if (value.channel === "sms" && subject !== "") {
      context.addIssue({ code: "custom", path: ["subject"], message: "Subject must be empty: SMS has no subject" });
    }
    if (value.channel === "email") {
      if (subject === "") context.addIssue({ code: "custom", path: ["subject"], message: "Subject is required for email" });
      if (subject.length > SUBJECT_MAX_LENGTH) {
        context.addIssue({ code: "custom", path: ["subject"], message: `Subject must be at most ${SUBJECT_MAX_LENGTH} characters` });
      }
      if (subject.includes("\n")) context.addIssue({ code: "custom", path: ["subject"], message: "Subject must be a single line" });
    }
    for (const field of ["subject", "body"] as const) {
      for (const message of findUnknownPlaceholders(value[field] ?? "")) context.addIssue({ code: "custom", path: [field], message });
    }
  })
  .transform((value) => ({ ...value, subject: value.channel === "email" ? (value.subject ?? "") : null }));

export type SaveTemplateInput = z.input<typeof saveTemplateSchema>;
