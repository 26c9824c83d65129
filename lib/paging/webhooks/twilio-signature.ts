import twilio from "twilio";
import { publicUrl } from "@/lib/env";

export const TWILIO_SIGNATURE_HEADER = "X-Twilio-Signature";

/** True when `signature` (the X-Twilio-Signature header) is Twilio's HMAC of this URL and these form parameters. */
export function verifyTwilioSignature(input: {
  authToken: string;
  /** The full public URL Twilio posted to, query string included. */
  url: string;
  params: Record<string, string>;
  signature: string | null | undefined;
}): boolean {
  if (!input.signature) return false;
  return twilio.validateRequest(input.authToken, input.signature, input.url, input.params);
}

/**
 * The URL Twilio signed. Behind a proxy the request's own URL has another host (and maybe scheme),
 * so it is rebuilt from the configured public URL.
 */
export function twilioWebhookUrl(request: Request): string {
  const { pathname, search } = new URL(request.url);
  return `${publicUrl()}${pathname}${search}`;
}
