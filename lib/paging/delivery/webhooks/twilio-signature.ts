import twilio from "twilio";
import { env, publicUrl } from "@/lib/env";
import { parseFormBody } from "@/lib/http/body";
import { errorResponse } from "@/lib/http/errors";
import type { Guard } from "@/lib/http/route";

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

/** Twilio, proven by X-Twilio-Signature over the public URL and the form it posted; nothing unsigned or unverifiable gets through. */
export const twilioSignature: Guard<null> = async (incoming) => {
  const authToken = env().TWILIO_AUTH_TOKEN;
  if (!authToken) return { refusal: errorResponse(403, "Twilio is not configured, so no Twilio request can be verified") };
  const { request } = incoming;
  const params = parseFormBody(await incoming.text());
  const signature = request.headers.get(TWILIO_SIGNATURE_HEADER);
  if (!verifyTwilioSignature({ authToken, url: twilioWebhookUrl(request), params, signature })) return { refusal: errorResponse(403, "Invalid X-Twilio-Signature") };
  return { caller: null };
};
