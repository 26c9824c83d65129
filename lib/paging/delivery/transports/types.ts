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
  /**
   * The provider's id for this message if the provider already took it at or after `since`;
   * undefined if it has none. Asked before resending a page whose earlier attempt ended unheard (a
   * worker stopped mid-call, a request timed out), so that attempt's message is not sent twice.
   * Only transports whose provider can list what it sent have it.
   */
  findSent?(message: OutgoingMessage, since: Date): Promise<string | undefined>;
}
