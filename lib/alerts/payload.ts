import { z } from "zod";

// Alertmanager's webhook payload, version 4 (Alertmanager's notify/webhook package). Loose
// objects: fields a later Alertmanager adds are ignored rather than refused.

// Go's RFC 3339 with up to nanoseconds; the zero time "0001-01-01T00:00:00Z" is a valid endsAt.
const timestamp = z.iso.datetime({ offset: true, error: "must be an RFC 3339 date-time such as 2026-11-26T10:00:00Z" });

const stringMap = (what: string) => z.record(z.string(), z.string(`${what} values must be strings`), `must be an object of ${what}`);

export const alertSchema = z.looseObject({
  status: z.enum(["firing", "resolved"], 'must be "firing" or "resolved"'),
  labels: stringMap("label").and(z.looseObject({ alertname: z.string("must name the alert").min(1, "must not be empty") })),
  annotations: stringMap("annotation").default({}),
  startsAt: timestamp,
  endsAt: timestamp.optional(),
  generatorURL: z.string("must be a URL string").default(""),
  fingerprint: z.string("is required").min(1, "must not be empty").max(128, "must be at most 128 characters"),
});

export const webhookSchema = z.looseObject({
  version: z.literal("4", 'must be "4": this endpoint speaks Alertmanager webhook version 4'),
  groupKey: z.string("is required"),
  truncatedAlerts: z.number("must be a number").int("must be a whole number").min(0, "must be 0 or more").optional(),
  status: z.enum(["firing", "resolved"], 'must be "firing" or "resolved"'),
  receiver: z.string("is required"),
  groupLabels: stringMap("label"),
  commonLabels: stringMap("label"),
  commonAnnotations: stringMap("annotation"),
  externalURL: z.string("is required"),
  alerts: z.array(alertSchema, "must be a list of alerts").max(10_000, "must hold at most 10000 alerts"),
}, "must be an Alertmanager webhook payload (a JSON object)");

export type WebhookPayload = z.output<typeof webhookSchema>;
export type WebhookAlert = z.output<typeof alertSchema>;
