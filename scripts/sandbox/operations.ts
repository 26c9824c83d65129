import { z } from "zod";

// Inputs of the control API, shared by its handler and its HTTP client.

const provider = z.enum(["twilio", "sendgrid"], "must be \"twilio\" or \"sendgrid\"");
const deliveryOptions = {
  /** Sign wrongly, for tests of the refusal. */
  badSignature: z.boolean("must be true or false").default(false),
  /** Post the identical request twice, as providers sometimes redeliver. */
  twice: z.boolean("must be true or false").default(false),
};
const oneOf = { message: "messageSid/messageId or pageId is required" };

export const messageFilterSchema = z.object({
  provider: provider.optional(),
  to: z.string().min(1, "must not be empty").optional(),
  pageId: z.string().min(1, "must not be empty").optional(),
});

export const failureSchema = z.object({
  provider,
  status: z.union([z.literal(429), z.literal(500), z.literal(503)], "must be 429, 500 or 503"),
  count: z.number().int().min(1, "must be at least 1").default(1),
  to: z.string().min(1, "must not be empty").optional(),
  retryAfterSeconds: z.number().int().min(0, "must not be negative").default(1),
});

const recipients = z.array(z.string().min(1, "must not be empty"), "must be a list of strings");
export const configSchema = z.object({
  invalidNumbers: recipients.optional(),
  unreachableNumbers: recipients.optional(),
  bounceAddresses: recipients.optional(),
  autoCallbacks: z.boolean("must be true or false").optional(),
});

export const twilioStatusSchema = z
  .object({
    messageSid: z.string().min(1, "must not be empty").optional(),
    pageId: z.string().min(1, "must not be empty").optional(),
    status: z.enum(["queued", "sent", "delivered", "undelivered", "failed"], "must be queued, sent, delivered, undelivered or failed"),
    errorCode: z.number().int("must be a whole number").optional(),
    ...deliveryOptions,
  })
  .refine((input) => input.messageSid || input.pageId, oneOf);

export const inboundSmsSchema = z.object({
  from: z.string().min(1, "is required"),
  body: z.string("is required"),
  to: z.string().min(1, "must not be empty").optional(),
  ...deliveryOptions,
});

export const sendgridEventsSchema = z.object({
  events: z
    .array(
      z
        .object({
          messageId: z.string().min(1, "must not be empty").optional(),
          pageId: z.string().min(1, "must not be empty").optional(),
          event: z.enum(["processed", "delivered", "deferred", "bounce", "dropped"], "must be processed, delivered, deferred, bounce or dropped"),
          reason: z.string().optional(),
        })
        .refine((input) => input.messageId || input.pageId, oneOf),
      "must be a list of events",
    )
    .min(1, "must have at least one event"),
  /** Unix seconds to sign with; defaults to now. */
  timestamp: z.number().int("must be whole seconds").optional(),
  ...deliveryOptions,
});

export type MessageFilterInput = z.input<typeof messageFilterSchema>;
export type FailureInput = z.input<typeof failureSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type TwilioStatusInput = z.input<typeof twilioStatusSchema>;
export type InboundSmsInput = z.input<typeof inboundSmsSchema>;
export type SendgridEventsInput = z.input<typeof sendgridEventsSchema>;

/** "field: rule" lines, so a caller sees which input was wrong and why. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`).join("; ");
}
