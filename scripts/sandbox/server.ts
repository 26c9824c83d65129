/*
 * The provider sandbox: a stand-in for Twilio's and SendGrid's REST APIs that records what Firebreak
 * sends and posts back correctly signed callbacks. Start it with `npm run sandbox` (see --help), or
 * in-process with startSandbox() from test/sandbox.ts.
 *
 * Provider APIs, called by the real SDKs once TWILIO_API_URL / SENDGRID_API_URL point here:
 *   POST /2010-04-01/Accounts/{sid}/Messages.json   Twilio, Basic auth (account SID, auth token), form To/From/Body/StatusCallback.
 *        201 with a Twilio message resource (sid "SM…", status "queued"); 401 code 20003 for wrong credentials;
 *        400 code 21211 for +15005550001, a configured invalid number or a number not in E.164 form.
 *   GET  /2010-04-01/Accounts/{sid}/Messages.json   Twilio's message list: accepted messages, newest first, filtered by
 *        To and From, one page of PageSize (1-1000, default 50). Not recorded.
 *   POST /v3/mail/send                             SendGrid, Bearer API key, JSON. 202 with X-Message-Id; 401 for a
 *        wrong key; 400 {"errors":[{field, message, help}]} for a malformed request.
 * Every request is recorded (provider, channel, to, from, subject, body, pageId, providerId, receivedAt,
 * authorized, status). pageId comes from the StatusCallback URL's `pageId` or SendGrid's custom_args.
 *
 * Control API (JSON; errors are {"error": "field: rule"}):
 *   GET  /_sandbox/health             {"status":"ok"}
 *   GET  /_sandbox/env                {TWILIO_API_URL, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM, SENDGRID_API_URL,
 *                                      SENDGRID_API_KEY, SENDGRID_FROM, SENDGRID_WEBHOOK_PUBLIC_KEY}
 *   GET  /_sandbox/public-key         {"publicKey"}: base64 DER (SPKI) P-256 key, generated at each start
 *   GET  /_sandbox/messages           {"messages": [...]}, oldest first; filters ?provider=twilio|sendgrid&to=…&pageId=…
 *   GET  /_sandbox/stats              {twilio, sendgrid}: each {accepted, refused: {"<status>": n}, hung} since the last clear
 *   POST /_sandbox/clear              forgets recorded messages, counters and pending failures; ends failure windows
 *   POST /_sandbox/failures           {provider?, status: 429|500|503, count = 1, to?, retryAfterSeconds = 1}: the next
 *                                      `count` requests (to `to` only, if given) answer that status, 429 with Retry-After;
 *                                     {provider?, status, forSeconds, to?, retryAfterSeconds = 1}: every such request does,
 *                                      for forSeconds; {provider?, mode: "hang", forSeconds, to?}: every such request is
 *                                      accepted and never answered nor recorded, its connection dropped when the window
 *                                      ends. No provider: both. Windows come before counted failures; the newest first.
 *   POST /_sandbox/config             {invalidNumbers?, unreachableNumbers?, bounceAddresses?, autoCallbacks?, responseDelayMs?}
 *   POST /_sandbox/twilio/status      {messageSid | pageId, status: queued|sent|delivered|undelivered|failed, errorCode?}
 *                                      posts a status callback to the target, at the StatusCallback URL's path and query,
 *                                      signed (X-Twilio-Signature) over the StatusCallback URL as given, as Twilio does
 *   POST /_sandbox/twilio/inbound     {from, body, to = TWILIO_FROM}: posts an inbound SMS to {target}/api/webhooks/twilio/sms,
 *                                      signed over that URL (so target should be Firebreak's PUBLIC_URL)
 *   POST /_sandbox/sendgrid/events    {events: [{messageId | pageId, event: processed|delivered|deferred|bounce|dropped,
 *                                      reason?}], timestamp?}: posts signed events to {target}/api/webhooks/sendgrid/events
 *   The three callback endpoints also take badSignature (sign wrongly) and twice (post the same request
 *   twice) and answer {"deliveries": [{url, status, body}]} with Firebreak's answers; 502 when Firebreak
 *   cannot be reached, 404 when no accepted message matches.
 *
 * settings.responseDelayMs (--response-delay) makes every provider API request take that long before
 * it is processed and answered, as a real provider's 100-300 ms round trip does.
 *
 * Auto mode (settings.autoCallbacks): after accepting a message the sandbox posts Twilio "sent" then
 * "delivered" ("undelivered", ErrorCode 30003, for unreachable numbers), or SendGrid "processed" then
 * "delivered" ("bounce" for addresses starting with "bounce" or configured to bounce), each after
 * callbackDelayMs and retried while Firebreak is down or answers 5xx.
 */
import { setMaxListeners } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sendAutoCallbacks } from "./auto-callbacks";
import { handleControl } from "./control";
import { FailurePlan } from "./failures";
import { HttpError, sendJson } from "./http";
import { MessageLog } from "./records";
import { handleSendgridMail } from "./sendgrid";
import { generateSigningKey } from "./sendgrid-callbacks";
import { defaultSandboxSettings, sandboxEnv, type SandboxEnv, type SandboxSettings } from "./settings";
import type { SandboxState } from "./state";
import { handleTwilioMessageList, handleTwilioMessages, TWILIO_MESSAGES_PATH } from "./twilio";

export interface RunningSandbox {
  url: string;
  publicKey: string;
  env: SandboxEnv;
  settings: SandboxSettings;
  close(): Promise<void>;
}

async function route(state: SandboxState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? "/", "http://sandbox.invalid");
  if (url.pathname.startsWith("/_sandbox/")) return handleControl(state, request, response, url);
  const twilioAccount = TWILIO_MESSAGES_PATH.exec(url.pathname)?.[1];
  const providerApi = twilioAccount !== undefined || (request.method === "POST" && url.pathname === "/v3/mail/send");
  if (providerApi && state.settings.responseDelayMs > 0) await sleep(state.settings.responseDelayMs, undefined, { signal: state.closing });
  if (request.method === "POST" && twilioAccount) return handleTwilioMessages(state, request, response, twilioAccount);
  if (request.method === "GET" && twilioAccount) return handleTwilioMessageList(state, request, response, twilioAccount, url.searchParams);
  if (request.method === "POST" && url.pathname === "/v3/mail/send") return handleSendgridMail(state, request, response);
  throw new HttpError(404, `the sandbox has no ${request.method} ${url.pathname}`);
}

export async function startSandboxServer(options: Partial<SandboxSettings> = {}): Promise<RunningSandbox> {
  const settings = { ...defaultSandboxSettings(), ...options };
  const closing = new AbortController();
  // Every callback in flight listens for the close: hundreds at once in a fan-out are expected.
  setMaxListeners(0, closing.signal);
  const state: SandboxState = {
    settings,
    messages: new MessageLog((message) =>
      settings.log(`${message.provider} ${message.status} to ${message.to ?? "?"}${message.pageId ? ` (page ${message.pageId})` : ""}${message.providerId ? ` ${message.providerId}` : ""}`),
    ),
    failures: new FailurePlan(),
    signingKey: generateSigningKey(),
    closing: closing.signal,
    url: "",
    onAccepted: (message) => sendAutoCallbacks(state, message),
  };
  const server = createServer((request, response) => {
    route(state, request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) settings.log(`sandbox error on ${request.method} ${request.url}: ${error instanceof Error ? error.stack : String(error)}`);
      if (!response.headersSent) sendJson(response, status, { error: error instanceof Error ? error.message : String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = settings.host === "0.0.0.0" || settings.host === "::" ? "127.0.0.1" : settings.host.includes(":") ? `[${settings.host}]` : settings.host;
  state.url = `http://${host}:${port}`;

  return {
    url: state.url,
    publicKey: state.signingKey.publicKey,
    env: sandboxEnv(settings, state.url, state.signingKey.publicKey),
    settings,
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing.abort();
        state.failures.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
