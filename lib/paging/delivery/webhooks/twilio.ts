import { z } from "zod";
import type { ProviderStatusEvent } from "@/lib/paging/delivery/provider-status";

// What Twilio posts to Firebreak: inbound SMS replies and message status callbacks.

/** Twilio's callbacks are a few dozen form fields and at most 1,600 characters of SMS: nothing past this is read. */
export const TWILIO_MAX_BODY_BYTES = 64 * 1024;

const messageSid = z.string().regex(/^[A-Z]{2}[0-9a-fA-F]{32}$/, "must be a Twilio message SID");

export const inboundSmsSchema = z.object({
  MessageSid: messageSid,
  From: z.string().regex(/^\+[1-9][0-9]{6,14}$/, "must be an E.164 phone number"),
  Body: z.string().max(1600, "must be at most 1600 characters"),
});

export const statusCallbackSchema = z.object({
  MessageSid: messageSid,
  MessageStatus: z.enum(["accepted", "scheduled", "queued", "sending", "sent", "delivered", "undelivered", "failed", "read", "canceled", "receiving", "received"]),
  ErrorCode: z.string().regex(/^\d+$/, "must be a Twilio error code").optional(),
});

/** The status callback URL Firebreak gives Twilio names the page (lib/paging/transports). */
export const statusCallbackQuery = z.object({ pageId: z.uuid("must be a page id").optional() });

const statusMap = { sent: "sent", delivered: "delivered", undelivered: "failed", failed: "failed" } as const;

/** The page status a callback reports, or null for the states in between that a page does not track. */
export function twilioStatusEvent(callback: z.output<typeof statusCallbackSchema>, pageId: string | undefined, at = new Date()): ProviderStatusEvent | null {
  const { MessageSid, MessageStatus, ErrorCode } = callback;
  if (!(MessageStatus in statusMap)) return null;
  return {
    provider: "twilio",
    eventKey: `${MessageSid}:${MessageStatus}`,
    pageId,
    providerId: MessageSid,
    status: statusMap[MessageStatus as keyof typeof statusMap],
    reason: ErrorCode ? `Twilio ${ErrorCode}: message ${MessageStatus}` : `Twilio: message ${MessageStatus}`,
    at,
  };
}
