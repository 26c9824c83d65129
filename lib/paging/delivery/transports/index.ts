import { channelProviders, env, publicUrl } from "@/lib/env";
import { createOutboxTransport } from "@/lib/paging/outbox/transport";
import { createSendgridTransport, type SendgridSettings } from "./sendgrid";
import { createTwilioTransport, type TwilioSettings } from "./twilio";
import type { Channel, Transport } from "./types";

export { createOutboxTransport } from "@/lib/paging/outbox/transport";
export { createSendgridTransport, type SendgridSettings } from "./sendgrid";
export { createTwilioTransport, type TwilioSettings } from "./twilio";
export type { Channel, OutgoingMessage, SendResult, Transport } from "./types";

export type ProviderName = "twilio" | "sendgrid" | "outbox";

export function twilioStatusCallbackUrl(pageId: string): string {
  return `${publicUrl()}/api/webhooks/twilio/status?pageId=${encodeURIComponent(pageId)}`;
}

// lib/env.ts guarantees a provider's settings are either all present or all absent.
function twilioSettings(): TwilioSettings | undefined {
  const { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_FROM: from, TWILIO_API_URL: apiUrl } = env();
  return accountSid && authToken && from ? { accountSid, authToken, from, apiUrl, statusCallbackUrl: twilioStatusCallbackUrl } : undefined;
}

function sendgridSettings(): SendgridSettings | undefined {
  const { SENDGRID_API_KEY: apiKey, SENDGRID_FROM: from, SENDGRID_API_URL: apiUrl } = env();
  return apiKey && from ? { apiKey, from, apiUrl } : undefined;
}

/** Which provider a channel goes through: its provider when configured, the dev outbox otherwise. */
export const providerFor = (channel: Channel): ProviderName => channelProviders()[channel];

function buildTransport(channel: Channel): Transport {
  if (channel === "sms") {
    const settings = twilioSettings();
    return settings ? createTwilioTransport(settings) : createOutboxTransport();
  }
  const settings = sendgridSettings();
  return settings ? createSendgridTransport(settings) : createOutboxTransport();
}

// One SDK client per channel and process: it keeps connections alive between sends.
const built = new Map<Channel, Transport>();

export function transportFor(channel: Channel): Transport {
  let transport = built.get(channel);
  if (!transport) {
    transport = buildTransport(channel);
    built.set(channel, transport);
  }
  return transport;
}
