import { env, publicUrl } from "@/lib/env";

export interface SandboxSettings {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Firebreak's base URL, where callbacks and inbound SMS are posted. */
  target: string;
  twilioAccountSid: string;
  twilioAuthToken: string;
  twilioFrom: string;
  sendgridApiKey: string;
  sendgridFrom: string;
  /** Numbers Twilio refuses with error 21211, besides its magic +15005550001. */
  invalidNumbers: string[];
  /** Numbers whose messages end "undelivered" with error 30003 in auto mode. */
  unreachableNumbers: string[];
  /** Addresses that bounce in auto mode, besides any address starting with "bounce". */
  bounceAddresses: string[];
  /** After accepting a message, post the provider's usual sequence of callbacks to the target. */
  autoCallbacks: boolean;
  /** Pause before each automatic callback. */
  callbackDelayMs: number;
  /** How long each provider API request takes to be answered, as a real provider's round trip does (0: at once). */
  responseDelayMs: number;
  log: (line: string) => void;
}

/** The settings Firebreak needs to use this sandbox, as environment variables. */
export interface SandboxEnv {
  TWILIO_API_URL: string;
  TWILIO_ACCOUNT_SID: string;
  TWILIO_AUTH_TOKEN: string;
  TWILIO_FROM: string;
  SENDGRID_API_URL: string;
  SENDGRID_API_KEY: string;
  SENDGRID_FROM: string;
  SENDGRID_WEBHOOK_PUBLIC_KEY: string;
}

export const TWILIO_INVALID_TEST_NUMBER = "+15005550001";

/** Defaults match Firebreak's own provider settings when they are set, so both sides agree without flags. */
export function defaultSandboxSettings(): SandboxSettings {
  const firebreak = env();
  return {
    host: "127.0.0.1",
    port: 4010,
    target: publicUrl(),
    twilioAccountSid: firebreak.TWILIO_ACCOUNT_SID ?? `AC${"5a".repeat(16)}`,
    twilioAuthToken: firebreak.TWILIO_AUTH_TOKEN ?? "sandbox-auth-token",
    // Twilio's magic "from" number that its test credentials accept.
    twilioFrom: firebreak.TWILIO_FROM ?? "+15005550006",
    sendgridApiKey: firebreak.SENDGRID_API_KEY ?? "SG.sandbox-api-key",
    sendgridFrom: firebreak.SENDGRID_FROM ?? "pages@firebreak.test",
    invalidNumbers: [],
    unreachableNumbers: [],
    bounceAddresses: [],
    autoCallbacks: false,
    callbackDelayMs: 300,
    responseDelayMs: 0,
    log: () => {},
  };
}

export function sandboxEnv(settings: SandboxSettings, url: string, publicKey: string): SandboxEnv {
  return {
    TWILIO_API_URL: url,
    TWILIO_ACCOUNT_SID: settings.twilioAccountSid,
    TWILIO_AUTH_TOKEN: settings.twilioAuthToken,
    TWILIO_FROM: settings.twilioFrom,
    SENDGRID_API_URL: url,
    SENDGRID_API_KEY: settings.sendgridApiKey,
    SENDGRID_FROM: settings.sendgridFrom,
    SENDGRID_WEBHOOK_PUBLIC_KEY: publicKey,
  };
}

export function isInvalidNumber(settings: SandboxSettings, to: string): boolean {
  return to === TWILIO_INVALID_TEST_NUMBER || settings.invalidNumbers.includes(to) || !/^\+[1-9]\d{6,14}$/.test(to);
}

export function isUnreachableNumber(settings: SandboxSettings, to: string): boolean {
  return settings.unreachableNumbers.includes(to);
}

export function bounces(settings: SandboxSettings, email: string): boolean {
  const address = email.toLowerCase();
  return address.startsWith("bounce") || settings.bounceAddresses.some((bounce) => bounce.toLowerCase() === address);
}
