import { z } from "zod";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { handleInboundSms } from "@/lib/paging/inbound-sms";
import { applyProviderStatus } from "@/lib/paging/provider-status";
import { accepted, badRequest, forbidden } from "./respond";
import { TWILIO_SIGNATURE_HEADER, twilioWebhookUrl, verifyTwilioSignature } from "./twilio-signature";
import { twimlResponse } from "./twiml";

const messageSid = z.string().regex(/^[A-Z]{2}[0-9a-fA-F]{32}$/, "must be a Twilio message SID");

const inboundSchema = z.object({
  MessageSid: messageSid,
  From: z.string().regex(/^\+[1-9][0-9]{6,14}$/, "must be an E.164 phone number"),
  Body: z.string().max(1600, "must be at most 1600 characters"),
});

const statusSchema = z.object({
  MessageSid: messageSid,
  MessageStatus: z.enum(["accepted", "scheduled", "queued", "sending", "sent", "delivered", "undelivered", "failed", "read", "canceled", "receiving", "received"]),
  ErrorCode: z.string().regex(/^\d+$/, "must be a Twilio error code").optional(),
  pageId: z.uuid("must be a page id").optional(),
});

/** Reads a Twilio webhook and checks X-Twilio-Signature; anything unsigned or unverifiable is refused. */
async function verifiedParams(request: Request): Promise<Record<string, string> | Response> {
  const authToken = env().TWILIO_AUTH_TOKEN;
  if (!authToken) return forbidden("Twilio is not configured, so no Twilio request can be verified");
  const form = await request.formData().catch(() => null);
  if (!form) return forbidden("Expected a form-encoded Twilio request");
  const params: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string") params[key] = value;
  const signature = request.headers.get(TWILIO_SIGNATURE_HEADER);
  if (!verifyTwilioSignature({ authToken, url: twilioWebhookUrl(request), params, signature })) return forbidden("Invalid X-Twilio-Signature");
  return params;
}

export async function receiveInboundSms(request: Request): Promise<Response> {
  const params = await verifiedParams(request);
  if (params instanceof Response) return params;
  const parsed = inboundSchema.safeParse(params);
  if (!parsed.success) return badRequest(parsed.error);
  const result = await handleInboundSms(db, { from: parsed.data.From, body: parsed.data.Body, messageId: parsed.data.MessageSid });
  return twimlResponse(result.reply);
}

const statusMap = { sent: "sent", delivered: "delivered", undelivered: "failed", failed: "failed" } as const;

export async function receiveStatusCallback(request: Request): Promise<Response> {
  const params = await verifiedParams(request);
  if (params instanceof Response) return params;
  const pageId = new URL(request.url).searchParams.get("pageId") ?? undefined;
  const parsed = statusSchema.safeParse({ ...params, pageId });
  if (!parsed.success) return badRequest(parsed.error);
  const { MessageSid, MessageStatus, ErrorCode } = parsed.data;
  if (!(MessageStatus in statusMap)) return accepted({ outcome: "ignored" });
  const outcome = await applyProviderStatus(db, {
    provider: "twilio",
    eventKey: `${MessageSid}:${MessageStatus}`,
    pageId: parsed.data.pageId,
    providerId: MessageSid,
    status: statusMap[MessageStatus as keyof typeof statusMap],
    reason: ErrorCode ? `Twilio ${ErrorCode}: message ${MessageStatus}` : `Twilio: message ${MessageStatus}`,
    at: new Date(),
  });
  return accepted({ outcome });
}
