import type { IncomingMessage, ServerResponse } from "node:http";
import { basicCredentials, readBody, sendJson } from "./http";
import type { SandboxMessage } from "./records";
import { isInvalidNumber } from "./settings";
import type { SandboxState } from "./state";
import { twilioMessageSid } from "./twilio-callbacks";

export const TWILIO_MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;

const twilioError = (status: number, code: number, message: string) => ({
  code,
  message,
  more_info: `https://www.twilio.com/docs/errors/${code}`,
  status,
});

/** Twilio's error for each status the sandbox can be told to answer. */
const injected = {
  429: { code: 20429, message: "Too Many Requests" },
  500: { code: 20500, message: "Internal Server Error" },
  503: { code: 20503, message: "Service Unavailable" },
};

/** Twilio's Messages API as the twilio SDK calls it: form-encoded, Basic auth with the account SID and auth token. */
export async function handleTwilioMessages(state: SandboxState, request: IncomingMessage, response: ServerResponse, accountSid: string): Promise<void> {
  const form = new URLSearchParams(await readBody(request));
  const credentials = basicCredentials(request.headers.authorization);
  const { settings } = state;
  const authorized =
    accountSid === settings.twilioAccountSid && credentials?.username === settings.twilioAccountSid && credentials.password === settings.twilioAuthToken;
  const to = form.get("To");
  const statusCallback = form.get("StatusCallback");
  const record = (status: number, providerId: string | null = null): SandboxMessage =>
    state.messages.add({
      provider: "twilio",
      channel: "sms",
      to,
      from: form.get("From"),
      subject: null,
      body: form.get("Body"),
      pageId: pageIdOf(statusCallback),
      providerId,
      statusCallback,
      authorized,
      status,
    });
  const refuse = (status: number, code: number, message: string, headers: Record<string, string> = {}) => {
    record(status);
    sendJson(response, status, twilioError(status, code, message), headers);
  };

  if (!authorized) return refuse(401, 20003, "Authenticate");
  if (state.failures.intercept("twilio", to, request.socket, (status, headers) => refuse(status, injected[status].code, injected[status].message, headers))) return;
  if (!to) return refuse(400, 21604, "A 'To' phone number is required.");
  if (!form.get("From")) return refuse(400, 21603, "A 'From' phone number is required.");
  if (!form.get("Body")) return refuse(400, 21602, "Message body is required.");
  if (isInvalidNumber(settings, to)) return refuse(400, 21211, `The 'To' number ${to} is not a valid phone number.`);

  const message = record(201, twilioMessageSid());
  sendJson(response, 201, twilioMessageResource(message, accountSid));
  state.onAccepted(message);
}

/** Twilio's largest page of a list. */
const MAX_PAGE_SIZE = 1000;

/**
 * Twilio's message list as the SDK reads it: the messages it accepted, newest first, filtered by To
 * and From, one page of PageSize (default 50). Lookups are not recorded as messages.
 */
export function handleTwilioMessageList(state: SandboxState, request: IncomingMessage, response: ServerResponse, accountSid: string, query: URLSearchParams): void {
  const { settings } = state;
  const credentials = basicCredentials(request.headers.authorization);
  if (accountSid !== settings.twilioAccountSid || credentials?.username !== settings.twilioAccountSid || credentials.password !== settings.twilioAuthToken) {
    return sendJson(response, 401, twilioError(401, 20003, "Authenticate"));
  }
  const pageSize = Number(query.get("PageSize") ?? 50);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    return sendJson(response, 400, twilioError(400, 20001, `PageSize must be an integer from 1 to ${MAX_PAGE_SIZE}`));
  }
  const to = query.get("To");
  const from = query.get("From");
  const accepted = state.messages
    .list({ provider: "twilio" })
    .filter((message) => message.providerId !== null && (to === null || message.to === to) && (from === null || message.from === from));
  const uri = `/2010-04-01/Accounts/${accountSid}/Messages.json?${query.toString()}`;
  sendJson(response, 200, {
    messages: accepted.reverse().slice(0, pageSize).map((message) => twilioMessageResource(message, accountSid)),
    page: 0,
    page_size: pageSize,
    start: 0,
    end: Math.min(pageSize, accepted.length) - 1,
    uri,
    first_page_uri: uri,
    previous_page_uri: null,
    next_page_uri: null,
  });
}

function pageIdOf(statusCallback: string | null): string | null {
  if (!statusCallback || !URL.canParse(statusCallback)) return null;
  return new URL(statusCallback).searchParams.get("pageId");
}

function twilioMessageResource(message: SandboxMessage, accountSid: string) {
  const date = new Date(message.receivedAt).toUTCString().replace("GMT", "+0000");
  const uri = `/2010-04-01/Accounts/${accountSid}/Messages/${message.providerId}`;
  return {
    account_sid: accountSid,
    api_version: "2010-04-01",
    body: message.body,
    date_created: date,
    date_sent: null,
    date_updated: date,
    direction: "outbound-api",
    error_code: null,
    error_message: null,
    from: message.from,
    messaging_service_sid: null,
    num_media: "0",
    num_segments: "1",
    price: null,
    price_unit: "USD",
    sid: message.providerId,
    status: "queued",
    subresource_uris: { media: `${uri}/Media.json` },
    to: message.to,
    uri: `${uri}.json`,
  };
}
