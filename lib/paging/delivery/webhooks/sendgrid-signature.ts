import { EventWebhook } from "@sendgrid/eventwebhook";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/http/errors";
import type { Guard } from "@/lib/http/route";

export const SENDGRID_SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature";
export const SENDGRID_TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp";

const eventWebhook = new EventWebhook();

/**
 * True when SendGrid signed this exact body at `timestamp` (ECDSA over timestamp + raw body) and the
 * timestamp is recent: the signature alone would let a captured request be replayed forever.
 */
export function verifySendgridSignature(input: {
  /** The "Verification Key" of the signed event webhook: base64 DER public key (PEM also accepted). */
  publicKey: string;
  /** The request body exactly as received; re-serialised JSON would not match. */
  rawBody: string;
  signature: string | null | undefined;
  /** Unix seconds, as sent in the timestamp header. */
  timestamp: string | null | undefined;
  now?: Date;
  maxAgeSeconds?: number;
}): boolean {
  const { publicKey, rawBody, signature, timestamp, now = new Date(), maxAgeSeconds = 600 } = input;
  if (!signature || !timestamp || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > maxAgeSeconds) return false;
  try {
    return eventWebhook.verifySignature(eventWebhook.convertPublicKeyToECDSA(publicKey), rawBody, signature, timestamp);
  } catch {
    // A malformed key or signature is not a valid signature.
    return false;
  }
}

/**
 * SendGrid, proven by its signature. Without a verification key nothing can be proven, so every
 * event is refused: unsigned events could mark anyone's page delivered or failed.
 */
export const sendgridSignature: Guard<null> = async (incoming) => {
  const publicKey = env().SENDGRID_WEBHOOK_PUBLIC_KEY;
  if (!publicKey) {
    return { refusal: errorResponse(403, "SendGrid events are refused: SENDGRID_WEBHOOK_PUBLIC_KEY is not set, so no signature can be checked") };
  }
  const valid = verifySendgridSignature({
    publicKey,
    rawBody: await incoming.text(),
    signature: incoming.request.headers.get(SENDGRID_SIGNATURE_HEADER),
    timestamp: incoming.request.headers.get(SENDGRID_TIMESTAMP_HEADER),
  });
  return valid ? { caller: null } : { refusal: errorResponse(403, "Invalid SendGrid event webhook signature") };
};
