import { env } from "@/lib/env";

// Which provider each channel goes through, from the settings alone (lib/env.ts guarantees a
// provider's settings are all present or all absent). Light: health checks and the app shell ask it.

export type SmsProvider = "twilio" | "outbox";
export type EmailProvider = "sendgrid" | "outbox";

export interface ChannelProviders {
  sms: SmsProvider;
  email: EmailProvider;
}

export function channelProviders(): ChannelProviders {
  const settings = env();
  return { sms: settings.TWILIO_ACCOUNT_SID ? "twilio" : "outbox", email: settings.SENDGRID_API_KEY ? "sendgrid" : "outbox" };
}
