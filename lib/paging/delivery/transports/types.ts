export type Channel = "sms" | "email";

export interface OutgoingMessage {
  /** Firebreak's page id: sent along so provider callbacks can be matched even without the provider id. */
  pageId: string;
  channel: Channel;
  /** E.164 phone number for SMS, email address for email. */
  to: string;
  /** Email only. */
  subject?: string | null;
  body: string;
}

export type SendResult =
  | { ok: true; providerId: string }
  /** retryable: 429, 5xx, network errors. Otherwise the provider refused this message for good. */
  | { ok: false; retryable: boolean; reason: string; httpStatus?: number };

export interface Transport {
  /** "twilio", "sendgrid" or "outbox". */
  readonly name: string;
  send(message: OutgoingMessage): Promise<SendResult>;
}
