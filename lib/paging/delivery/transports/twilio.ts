import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import { networkFailure, providerFailure, PROVIDER_TIMEOUT_MS } from "./failure";
import type { SendResult, Transport } from "./types";

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  /** The sending number, E.164. */
  from: string;
  /** Another base URL for Twilio's REST API (the sandbox); unset means https://api.twilio.com. */
  apiUrl?: string;
  /** Where Twilio should post delivery updates for this page. */
  statusCallbackUrl: (pageId: string) => string;
  /** How long a request may take; PROVIDER_TIMEOUT_MS unless given. */
  timeoutMs?: number;
}

const TWILIO_API_ORIGIN = "https://api.twilio.com";

/** Twilio's dates have whole seconds and its clock is not ours: a message this much older than `since` still counts. */
const LOOKUP_CLOCK_SKEW_MS = 60_000;
/** Messages to one person from our number, newest first: far more than a person gets while a page is in doubt. */
const LOOKUP_PAGE_SIZE = 50;

/** Twilio's HTTP client with the API origin replaced by another base URL; the path stays as the SDK built it. */
class RebasedRequestClient extends twilio.RequestClient {
  constructor(
    private readonly apiUrl: string,
    timeout: number,
  ) {
    // Firebreak retries through its job queue; an SDK retry would hide the 429 from it.
    super({ timeout, autoRetry: false });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const url = new URL(opts.uri);
    const uri = url.origin === TWILIO_API_ORIGIN ? `${this.apiUrl.replace(/\/$/, "")}${url.pathname}${url.search}` : opts.uri;
    return super.request({ ...opts, uri });
  }
}

export function createTwilioTransport(settings: TwilioSettings): Transport {
  const timeout = settings.timeoutMs ?? PROVIDER_TIMEOUT_MS;
  const httpClient = settings.apiUrl ? new RebasedRequestClient(settings.apiUrl, timeout) : new twilio.RequestClient({ timeout, autoRetry: false });
  const client = twilio(settings.accountSid, settings.authToken, { httpClient });

  return {
    name: "twilio",
    async send(message): Promise<SendResult> {
      try {
        const sent = await client.messages.create({
          to: message.to,
          from: settings.from,
          body: message.body,
          statusCallback: settings.statusCallbackUrl(message.pageId),
        });
        return { ok: true, providerId: sent.sid };
      } catch (error) {
        return twilioFailure(error);
      }
    },
    // The Message resource carries no reference of ours, so a page is found by its recipient and
    // exact body (which holds the page's own acknowledgement link when the template has one).
    async findSent(message, since) {
      const recent = await client.messages.page({ to: message.to, from: settings.from, pageSize: LOOKUP_PAGE_SIZE });
      const cutoff = since.getTime() - LOOKUP_CLOCK_SKEW_MS;
      return recent.instances.find((sent) => sent.body === message.body && sent.dateCreated.getTime() >= cutoff)?.sid;
    },
  };
}

/** The SDK throws RestException (or TwilioServiceException) with the HTTP status and Twilio's error code for HTTP errors. */
function twilioFailure(error: unknown): SendResult {
  if (!(error instanceof Error) || !("status" in error) || typeof error.status !== "number") return networkFailure("Twilio", error);
  const code = "code" in error && error.code !== undefined ? String(error.code) : `HTTP ${error.status}`;
  const detail = "detail" in error && typeof error.detail === "string" ? error.detail : error.message;
  return providerFailure(`Twilio ${code}: ${detail}`, error.status);
}
