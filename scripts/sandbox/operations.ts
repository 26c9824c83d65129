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

const injectedStatus = z.union([z.literal(429), z.literal(500), z.literal(503)], "must be 429, 500 or 503");
const recipient = z.string().min(1, "must not be empty");
// Longer would overflow setTimeout, which then fires at once.
const windowSeconds = z.number("must be a number of seconds").positive("must be more than 0").max(86_400, "must be at most 86400 (a day)");
const notWithHang = z.never('is not used with mode "hang"').optional();

const statusFailureSchema = z
  .object({
    mode: z.undefined().optional(),
    /** Omitted: both providers. */
    provider: provider.optional(),
    status: injectedStatus,
    /** The next `count` matching requests fail; 1 unless forSeconds is given. */
    count: z.number("must be a whole number").int("must be a whole number").min(1, "must be at least 1").optional(),
    /** Every matching request fails until this many seconds have passed. */
    forSeconds: windowSeconds.optional(),
    to: recipient.optional(),
    retryAfterSeconds: z.number("must be whole seconds").int("must be whole seconds").min(0, "must not be negative").default(1),
  })
  .refine((input) => input.count === undefined || input.forSeconds === undefined, { path: ["forSeconds"], message: "give either count or forSeconds, not both" });

/** The provider accepts the connection and never answers, until this many seconds have passed. */
const hangWindowSchema = z.object({
  mode: z.literal("hang"),
  provider: provider.optional(),
  forSeconds: windowSeconds,
  to: recipient.optional(),
  status: notWithHang,
  count: notWithHang,
  retryAfterSeconds: notWithHang,
});

export const failureSchema = z.discriminatedUnion("mode", [statusFailureSchema, hangWindowSchema], 'must be "hang", or left out for a failure with a status');

const recipients = z.array(z.string().min(1, "must not be empty"), "must be a list of strings");
export const configSchema = z.object({
  invalidNumbers: recipients.optional(),
  unreachableNumbers: recipients.optional(),
  bounceAddresses: recipients.optional(),
  autoCallbacks: z.boolean("must be true or false").optional(),
  responseDelayMs: z.number("must be a number of milliseconds").int("must be a whole number of milliseconds").min(0, "must be 0 or more").max(60_000, "must be at most 60000").optional(),
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
export type FailureOrder = z.output<typeof failureSchema>;
type StatusFailureInput = Omit<z.input<typeof statusFailureSchema>, "mode">;
/** The next `count` (default 1) matching requests fail with `status`. */
export type CountedFailureInput = Omit<StatusFailureInput, "forSeconds">;
/** Every matching request fails with `status`, or hangs, for `forSeconds`. */
export type FailureWindowInput = (Omit<StatusFailureInput, "count"> & { forSeconds: number }) | Omit<z.input<typeof hangWindowSchema>, "status" | "count" | "retryAfterSeconds">;
export type ConfigInput = z.input<typeof configSchema>;
export type TwilioStatusInput = z.input<typeof twilioStatusSchema>;
export type InboundSmsInput = z.input<typeof inboundSmsSchema>;
export type SendgridEventsInput = z.input<typeof sendgridEventsSchema>;

/** "field: rule" lines, so a caller sees which input was wrong and why. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`).join("; ");
}
