import { setTimeout as sleep } from "node:timers/promises";
import { post, type SignedRequest } from "./delivery";
import type { SandboxMessage } from "./records";
import { sendgridEvent, sendgridEventsRequest } from "./sendgrid-callbacks";
import { bounces, isUnreachableNumber } from "./settings";
import type { SandboxState } from "./state";
import { twilioStatusRequest } from "./twilio-callbacks";

const ATTEMPTS = 5;

/** The callbacks a provider would send for an accepted message: "sent" then the outcome, or "processed" then the outcome. */
function followUps(state: SandboxState, message: SandboxMessage): (() => SignedRequest)[] {
  const to = message.to ?? "";
  if (message.provider === "twilio") {
    if (!message.statusCallback) return [];
    const outcome = isUnreachableNumber(state.settings, to)
      ? () => twilioStatusRequest(state, message, "undelivered", { errorCode: 30003 })
      : () => twilioStatusRequest(state, message, "delivered");
    return [() => twilioStatusRequest(state, message, "sent"), outcome];
  }
  const outcome = bounces(state.settings, to) ? "bounce" : "delivered";
  return [
    () => sendgridEventsRequest(state, [sendgridEvent(message, "processed")]),
    () => sendgridEventsRequest(state, [sendgridEvent(message, outcome)]),
  ];
}

/** Posts the follow-up callbacks in the background, each retried a few times while Firebreak is down or failing. */
export function sendAutoCallbacks(state: SandboxState, message: SandboxMessage): void {
  if (!state.settings.autoCallbacks) return;
  void (async () => {
    for (const build of followUps(state, message)) {
      await sleep(state.settings.callbackDelayMs, undefined, { signal: state.closing });
      await postWithRetries(state, build());
    }
  })().catch((error: unknown) => {
    if (!state.closing.aborted) state.settings.log(`auto callback for ${message.providerId} failed: ${error instanceof Error ? error.message : String(error)}`);
  });
}

async function postWithRetries(state: SandboxState, request: SignedRequest): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    let problem: string;
    try {
      const delivery = await post(state, request);
      if (delivery.status < 500) {
        state.settings.log(`callback ${request.url} -> ${delivery.status}`);
        return;
      }
      problem = `HTTP ${delivery.status}`;
    } catch (error) {
      if (state.closing.aborted) throw error;
      problem = error instanceof Error ? error.message : String(error);
    }
    if (attempt === ATTEMPTS) throw new Error(`gave up on ${request.url} after ${ATTEMPTS} attempts (${problem})`);
    const pause = Math.max(500, state.settings.callbackDelayMs) * 2 ** (attempt - 1);
    state.settings.log(`callback ${request.url} failed (${problem}); retrying in ${pause} ms`);
    await sleep(pause, undefined, { signal: state.closing });
  }
}
