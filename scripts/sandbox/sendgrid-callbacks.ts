import { generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { SENDGRID_SIGNATURE_HEADER, SENDGRID_TIMESTAMP_HEADER } from "@/lib/paging/delivery/webhooks/sendgrid-signature";
import { targetUrl, type SignedRequest } from "./delivery";
import type { SandboxMessage } from "./records";
import type { SandboxState } from "./state";

export type SendgridEventType = "processed" | "delivered" | "deferred" | "bounce" | "dropped";

export interface SigningKey {
  privateKey: KeyObject;
  /** Base64 DER (SPKI), as SendGrid shows its "Verification Key". */
  publicKey: string;
}

export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  return { privateKey, publicKey: publicKey.export({ type: "spki", format: "der" }).toString("base64") };
}

const randomId = () => randomBytes(16).toString("base64url").slice(0, 22);

/** One event as SendGrid posts it: custom args (pageId) at the top level, failure details as SendGrid names them. */
export function sendgridEvent(message: SandboxMessage, event: SendgridEventType, reason?: string): Record<string, unknown> {
  const details: Record<SendgridEventType, Record<string, string>> = {
    processed: {},
    delivered: { response: reason ?? "250 2.0.0 OK" },
    deferred: { response: reason ?? "421 4.7.0 Try again later", attempt: "1" },
    bounce: { reason: reason ?? "550 5.1.1 The email account that you tried to reach does not exist.", status: "5.1.1", type: "bounce" },
    dropped: { reason: reason ?? "Bounced Address", status: "5.0.0" },
  };
  return {
    email: message.to,
    timestamp: Math.floor(Date.now() / 1000),
    "smtp-id": `<${message.providerId}@sandbox.sendgrid.test>`,
    event,
    category: [],
    sg_event_id: randomId(),
    sg_message_id: `${message.providerId}.filterdrecv-sandbox-1-${randomBytes(4).toString("hex")}-0.0`,
    ...details[event],
    ...(message.pageId === null ? {} : { pageId: message.pageId }),
  };
}

/**
 * Signed like SendGrid's event webhook: ECDSA P-256/SHA-256 over timestamp + body, DER, base64.
 * `badSignature` signs other bytes; `timestamp` (unix seconds) lets tests send stale requests.
 */
export function sendgridEventsRequest(
  state: SandboxState,
  events: Record<string, unknown>[],
  options: { badSignature?: boolean; timestamp?: number } = {},
): SignedRequest {
  const body = JSON.stringify(events);
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signed = options.badSignature ? `${timestamp}${body} ` : `${timestamp}${body}`;
  return {
    url: targetUrl(state, "/api/webhooks/sendgrid/events"),
    headers: {
      "Content-Type": "application/json",
      "User-Agent": "SendGrid Event API",
      [SENDGRID_SIGNATURE_HEADER]: sign("sha256", Buffer.from(signed), state.signingKey.privateKey).toString("base64"),
      [SENDGRID_TIMESTAMP_HEADER]: timestamp,
    },
    body,
  };
}
