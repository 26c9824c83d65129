import { randomBytes } from "node:crypto";
import twilio from "twilio";
import { TWILIO_SIGNATURE_HEADER } from "@/lib/paging/delivery/webhooks/twilio-signature";
import { targetUrl, type SignedRequest } from "./delivery";
import { HttpError } from "./http";
import type { SandboxMessage } from "./records";
import type { SandboxState } from "./state";

export type TwilioMessageStatus = "queued" | "sent" | "delivered" | "undelivered" | "failed";

export const twilioMessageSid = () => `SM${randomBytes(16).toString("hex")}`;

/**
 * Signed like Twilio: HMAC-SHA1 over the URL it was given plus the sorted parameters. `badSignature`
 * signs with another token, for tests of the refusal.
 */
function signedForm(state: SandboxState, signedUrl: string, postUrl: string, params: Record<string, string>, badSignature: boolean): SignedRequest {
  const token = badSignature ? `${state.settings.twilioAuthToken}-wrong` : state.settings.twilioAuthToken;
  return {
    url: postUrl,
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "User-Agent": "TwilioProxy/1.1",
      [TWILIO_SIGNATURE_HEADER]: twilio.getExpectedTwilioSignature(token, signedUrl, params),
    },
    body: new URLSearchParams(params).toString(),
  };
}

/**
 * A status callback for an accepted message. Twilio signs the StatusCallback URL it was given; the sandbox
 * posts it to the target with the same path and query, as a proxy in front of Firebreak would.
 */
export function twilioStatusRequest(
  state: SandboxState,
  message: SandboxMessage,
  status: TwilioMessageStatus,
  options: { errorCode?: number; badSignature?: boolean } = {},
): SignedRequest {
  if (!message.statusCallback || !message.providerId) throw new HttpError(409, `message ${message.providerId ?? message.id} has no StatusCallback URL`);
  const callback = new URL(message.statusCallback);
  const params: Record<string, string> = {
    ApiVersion: "2010-04-01",
    AccountSid: state.settings.twilioAccountSid,
    MessageSid: message.providerId,
    SmsSid: message.providerId,
    MessageStatus: status,
    SmsStatus: status,
    From: message.from ?? "",
    To: message.to ?? "",
    ...(options.errorCode === undefined ? {} : { ErrorCode: String(options.errorCode) }),
  };
  return signedForm(state, message.statusCallback, targetUrl(state, callback.pathname + callback.search), params, options.badSignature ?? false);
}

/** An SMS someone sent to Firebreak's number, posted to its inbound webhook. */
export function inboundSmsRequest(state: SandboxState, input: { from: string; body: string; to?: string; badSignature?: boolean }): SignedRequest {
  const sid = twilioMessageSid();
  const url = targetUrl(state, "/api/webhooks/twilio/sms");
  const params = {
    ApiVersion: "2010-04-01",
    AccountSid: state.settings.twilioAccountSid,
    MessageSid: sid,
    SmsSid: sid,
    SmsMessageSid: sid,
    From: input.from,
    To: input.to ?? state.settings.twilioFrom,
    Body: input.body,
    NumMedia: "0",
    NumSegments: "1",
  };
  return signedForm(state, url, url, params, input.badSignature ?? false);
}
