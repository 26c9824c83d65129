import type { Delivery } from "./delivery";
import type {
  ConfigInput,
  CountedFailureInput,
  FailureWindowInput,
  InboundSmsInput,
  MessageFilterInput,
  SendgridEventsInput,
  TwilioStatusInput,
} from "./operations";
import type { SandboxMessage } from "./records";
import type { SandboxEnv } from "./settings";
import type { SandboxStats } from "./stats";

export type { Delivery } from "./delivery";
export type { CountedFailureInput, FailureWindowInput } from "./operations";
export type { SandboxMessage } from "./records";
export type { SandboxEnv } from "./settings";
export type { ProviderStats, SandboxStats } from "./stats";

/** Drives a sandbox through its control API, in this process or another. */
export interface SandboxClient {
  url: string;
  health(): Promise<{ status: string }>;
  /** The settings to give Firebreak, the SendGrid verification key among them. */
  env(): Promise<SandboxEnv>;
  messages(filter?: MessageFilterInput): Promise<SandboxMessage[]>;
  /** Resolves once at least `count` messages match, with them; rejects after `timeoutMs`. */
  waitForMessages(filter: MessageFilterInput, count: number, timeoutMs?: number): Promise<SandboxMessage[]>;
  /** The next `count` (1) matching requests answer `status`. */
  failNext(failure: CountedFailureInput): Promise<void>;
  /** From now for `forSeconds`, every matching request answers `status`, or with `mode: "hang"` is never answered. */
  failFor(window: FailureWindowInput): Promise<void>;
  /** Per provider since the last clear: accepted, refused by status, hung. */
  stats(): Promise<SandboxStats>;
  configure(config: ConfigInput): Promise<void>;
  sendTwilioStatus(input: TwilioStatusInput): Promise<Delivery[]>;
  sendInboundSms(input: InboundSmsInput): Promise<Delivery[]>;
  sendSendgridEvents(input: SendgridEventsInput): Promise<Delivery[]>;
  /** Forgets recorded messages, counters and pending failures, and ends failure windows. */
  clear(): Promise<void>;
}

const POLL_MS = 50;

export function sandboxClient(url: string): SandboxClient {
  const base = url.replace(/\/$/, "");

  async function call<T>(path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${base}/_sandbox/${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await response.json()) as T & { error?: string };
    if (!response.ok) throw new Error(`sandbox ${path}: HTTP ${response.status}: ${answer.error ?? "no detail"}`);
    return answer;
  }

  const messages = async (filter: MessageFilterInput = {}) => {
    const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined));
    return (await call<{ messages: SandboxMessage[] }>(`messages?${query}`)).messages;
  };

  return {
    url: base,
    health: () => call("health"),
    env: () => call("env"),
    messages,
    async waitForMessages(filter, count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = await messages(filter);
        if (found.length >= count) return found;
        if (Date.now() > deadline) {
          throw new Error(`sandbox: expected ${count} message(s) matching ${JSON.stringify(filter)} within ${timeoutMs} ms, got ${found.length}`);
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    },
    failNext: async (failure) => void (await call("failures", failure)),
    failFor: async (window) => void (await call("failures", window)),
    stats: () => call("stats"),
    configure: async (config) => void (await call("config", config)),
    sendTwilioStatus: async (input) => (await call<{ deliveries: Delivery[] }>("twilio/status", input)).deliveries,
    sendInboundSms: async (input) => (await call<{ deliveries: Delivery[] }>("twilio/inbound", input)).deliveries,
    sendSendgridEvents: async (input) => (await call<{ deliveries: Delivery[] }>("sendgrid/events", input)).deliveries,
    clear: async () => void (await call("clear", {})),
  };
}
