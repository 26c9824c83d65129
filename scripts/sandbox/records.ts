export type SandboxProvider = "twilio" | "sendgrid";

/** One request to a provider API, as the sandbox received and answered it. */
export interface SandboxMessage {
  /** Order of arrival, from 1; never reused, even after a clear. */
  id: number;
  provider: SandboxProvider;
  channel: "sms" | "email";
  to: string | null;
  from: string | null;
  subject: string | null;
  body: string | null;
  /** From the StatusCallback URL's `pageId` (Twilio) or the `pageId` custom arg (SendGrid). */
  pageId: string | null;
  /** Message SID or X-Message-Id; null when the request was refused. */
  providerId: string | null;
  /** Twilio only: the StatusCallback URL given with the message. */
  statusCallback: string | null;
  receivedAt: string;
  /** Whether the credentials matched the sandbox's. */
  authorized: boolean;
  /** The HTTP status the sandbox answered. */
  status: number;
}

export interface MessageFilter {
  provider?: SandboxProvider;
  to?: string;
  pageId?: string;
}

export class MessageLog {
  private messages: SandboxMessage[] = [];
  private nextId = 1;

  constructor(private readonly onRecord: (message: SandboxMessage) => void = () => {}) {}

  add(message: Omit<SandboxMessage, "id" | "receivedAt">): SandboxMessage {
    const recorded = { id: this.nextId++, ...message, receivedAt: new Date().toISOString() };
    this.messages.push(recorded);
    this.onRecord(recorded);
    return recorded;
  }

  list(filter: MessageFilter = {}): SandboxMessage[] {
    return this.messages.filter(
      (message) =>
        (filter.provider === undefined || message.provider === filter.provider) &&
        (filter.to === undefined || message.to === filter.to) &&
        (filter.pageId === undefined || message.pageId === filter.pageId),
    );
  }

  /** The latest accepted message with this provider id or for this page. */
  findAccepted(provider: SandboxProvider, key: { providerId?: string; pageId?: string }): SandboxMessage | undefined {
    return this.messages.findLast(
      (message) =>
        message.provider === provider &&
        message.providerId !== null &&
        (key.providerId === undefined || message.providerId === key.providerId) &&
        (key.pageId === undefined || message.pageId === key.pageId),
    );
  }

  clear(): void {
    this.messages = [];
  }
}
