import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { deliver, type SignedRequest } from "./delivery";
import { HttpError, readBody, sendJson } from "./http";
import {
  configSchema,
  describeIssues,
  failureSchema,
  inboundSmsSchema,
  messageFilterSchema,
  sendgridEventsSchema,
  twilioStatusSchema,
} from "./operations";
import type { SandboxProvider } from "./records";
import { sendgridEvent, sendgridEventsRequest } from "./sendgrid-callbacks";
import { sandboxEnv } from "./settings";
import type { SandboxState } from "./state";
import { sandboxStats } from "./stats";
import { inboundSmsRequest, twilioStatusRequest } from "./twilio-callbacks";

export const CONTROL_API_SUMMARY = `Control API (JSON):
  GET  /_sandbox/health                 {"status":"ok"}
  GET  /_sandbox/env                    the settings to give Firebreak, as environment variables
  GET  /_sandbox/public-key             {"publicKey"}: SendGrid event webhook verification key
  GET  /_sandbox/messages               recorded provider requests; ?provider=twilio|sendgrid&to=&pageId=
  GET  /_sandbox/stats                  per provider since the last clear: {accepted, refused: {"<status>": n}, hung}
  POST /_sandbox/clear                  forget recorded requests, counters and pending failures; end failure windows
  POST /_sandbox/failures               one of these (provider omitted: both; to: only requests to that recipient):
    {provider?, status: 429|500|503, count?, to?, retryAfterSeconds?}      the next count (1) requests answer status
    {provider?, status: 429|500|503, forSeconds, to?, retryAfterSeconds?}  every request for forSeconds answers status
    {provider?, mode: "hang", forSeconds, to?}                              every request for forSeconds is accepted, never
                                                                            answered nor recorded; dropped when it ends
    a 429 carries Retry-After: retryAfterSeconds (1); where windows overlap the newest wins
  POST /_sandbox/config                 {invalidNumbers?, unreachableNumbers?, bounceAddresses?, autoCallbacks?, responseDelayMs?}
  POST /_sandbox/twilio/status          {messageSid | pageId, status, errorCode?, badSignature?, twice?}
  POST /_sandbox/twilio/inbound         {from, body, to?, badSignature?, twice?}
  POST /_sandbox/sendgrid/events        {events: [{messageId | pageId, event, reason?}], timestamp?, badSignature?, twice?}`;

async function input<T extends z.ZodType>(schema: T, request: IncomingMessage): Promise<z.output<T>> {
  const text = await readBody(request);
  let value: unknown;
  try {
    value = text === "" ? {} : JSON.parse(text);
  } catch {
    throw new HttpError(400, "body: must be JSON");
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError(400, describeIssues(parsed.error));
  return parsed.data;
}

function acceptedMessage(state: SandboxState, provider: SandboxProvider, key: { providerId?: string; pageId?: string }) {
  const message = state.messages.findAccepted(provider, key);
  if (!message) throw new HttpError(404, `no accepted ${provider} message ${key.providerId ?? `for page ${key.pageId}`}`);
  return message;
}

/** Callback deliveries that cannot reach Firebreak answer 502 with the reason. */
async function delivered(state: SandboxState, response: ServerResponse, request: SignedRequest, twice: boolean): Promise<void> {
  try {
    sendJson(response, 200, { deliveries: await deliver(state, request, twice) });
  } catch (error) {
    throw new HttpError(502, error instanceof Error ? error.message : String(error));
  }
}

export async function handleControl(state: SandboxState, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  const { settings, messages, failures } = state;
  switch (`${request.method} ${url.pathname}`) {
    case "GET /_sandbox/health":
      return sendJson(response, 200, { status: "ok" });
    case "GET /_sandbox/env":
      return sendJson(response, 200, sandboxEnv(settings, state.url, state.signingKey.publicKey));
    case "GET /_sandbox/public-key":
      return sendJson(response, 200, { publicKey: state.signingKey.publicKey });
    case "GET /_sandbox/messages": {
      const filter = messageFilterSchema.safeParse(Object.fromEntries(url.searchParams));
      if (!filter.success) throw new HttpError(400, describeIssues(filter.error));
      return sendJson(response, 200, { messages: messages.list(filter.data) });
    }
    case "GET /_sandbox/stats":
      return sendJson(response, 200, sandboxStats(state));
    case "POST /_sandbox/clear":
      messages.clear();
      failures.clear();
      return sendJson(response, 200, { status: "ok" });
    case "POST /_sandbox/failures":
      failures.add(await input(failureSchema, request));
      return sendJson(response, 200, { status: "ok" });
    case "POST /_sandbox/config": {
      const config = await input(configSchema, request);
      Object.assign(settings, Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined)));
      const { invalidNumbers, unreachableNumbers, bounceAddresses, autoCallbacks, responseDelayMs } = settings;
      return sendJson(response, 200, { invalidNumbers, unreachableNumbers, bounceAddresses, autoCallbacks, responseDelayMs });
    }
    case "POST /_sandbox/twilio/status": {
      const { messageSid, pageId, status, errorCode, badSignature, twice } = await input(twilioStatusSchema, request);
      const message = acceptedMessage(state, "twilio", { providerId: messageSid, pageId });
      return delivered(state, response, twilioStatusRequest(state, message, status, { errorCode, badSignature }), twice);
    }
    case "POST /_sandbox/twilio/inbound": {
      const { twice, ...sms } = await input(inboundSmsSchema, request);
      return delivered(state, response, inboundSmsRequest(state, sms), twice);
    }
    case "POST /_sandbox/sendgrid/events": {
      const { events, timestamp, badSignature, twice } = await input(sendgridEventsSchema, request);
      const payload = events.map(({ messageId, pageId, event, reason }) =>
        sendgridEvent(acceptedMessage(state, "sendgrid", { providerId: messageId, pageId }), event, reason),
      );
      return delivered(state, response, sendgridEventsRequest(state, payload, { badSignature, timestamp }), twice);
    }
    default:
      throw new HttpError(404, `no control endpoint ${request.method} ${url.pathname}`);
  }
}
