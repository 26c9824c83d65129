// `npm run sandbox`: local stand-ins for Twilio and SendGrid that record what Firebreak sends and post
// signed callbacks back. See scripts/sandbox/server.ts for the APIs.
import { parseArgs } from "node:util";
import { z } from "zod";
import { EnvError } from "@/lib/env";
import { CONTROL_API_SUMMARY } from "./sandbox/control";
import { describeIssues } from "./sandbox/operations";
import { startSandboxServer } from "./sandbox/server";
import { defaultSandboxSettings, type SandboxSettings } from "./sandbox/settings";

const log = (line: string) => console.log(`[sandbox] ${line}`);

const HELP = `Usage: npm run sandbox -- [options]

Local stand-ins for Twilio's Messages API and SendGrid's Mail Send API. Point Firebreak at it with the
environment lines printed at start; it records every message and posts signed status callbacks, inbound
SMS and SendGrid events to Firebreak.

Options (defaults come from Firebreak's own TWILIO_*, SENDGRID_* and PUBLIC_URL settings when set):
  --port N                   port to listen on (4010)
  --host HOST                interface to listen on (127.0.0.1)
  --target URL               Firebreak's base URL for callbacks (PUBLIC_URL or http://localhost:PORT)
  --twilio-account-sid SID   account SID the Twilio API accepts
  --twilio-auth-token TOKEN  auth token the Twilio API accepts and callbacks are signed with
  --twilio-from NUMBER       Firebreak's number, the "To" of inbound SMS
  --sendgrid-api-key KEY     API key the SendGrid API accepts
  --sendgrid-from EMAIL      sender address to give Firebreak
  --invalid-number NUMBER    another number Twilio refuses with 21211 (repeatable; +15005550001 always is)
  --unreachable-number NUM   a number whose messages end "undelivered" (30003) (repeatable)
  --bounce EMAIL             an address that bounces (repeatable; any address starting with "bounce" does)
  --callback-delay MS        pause before each automatic callback (300)
  --response-delay MS        answer each provider API request after MS, as a real provider would (0)
  --no-auto-callbacks        do not post "sent"/"delivered" callbacks by themselves
  --help                     show this help

${CONTROL_API_SUMMARY}`;

const { values: flags } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    target: { type: "string" },
    "twilio-account-sid": { type: "string" },
    "twilio-auth-token": { type: "string" },
    "twilio-from": { type: "string" },
    "sendgrid-api-key": { type: "string" },
    "sendgrid-from": { type: "string" },
    "invalid-number": { type: "string", multiple: true, default: [] },
    "unreachable-number": { type: "string", multiple: true, default: [] },
    bounce: { type: "string", multiple: true, default: [] },
    "callback-delay": { type: "string" },
    "response-delay": { type: "string" },
    "no-auto-callbacks": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

const aPort = "must be a port number (0-65535)";
const milliseconds = "must be a whole number of milliseconds";
const flagSchema = z.object({
  port: z.coerce.number(aPort).int(aPort).min(0, aPort).max(65535, aPort).optional(),
  host: z.string().min(1, "must not be empty").optional(),
  target: z.url("must be a URL such as http://localhost:3000").optional(),
  twilioAccountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, "must be AC followed by 32 hex digits").optional(),
  twilioAuthToken: z.string().min(1, "must not be empty").optional(),
  twilioFrom: z.string().regex(/^\+[1-9][0-9]{6,14}$/, "must be a phone number in E.164 form").optional(),
  sendgridApiKey: z.string().min(1, "must not be empty").optional(),
  sendgridFrom: z.email("must be an email address").optional(),
  callbackDelayMs: z.coerce.number(milliseconds).int(milliseconds).min(0, milliseconds).optional(),
  responseDelayMs: z.coerce.number(milliseconds).int(milliseconds).min(0, milliseconds).optional(),
});

function settingsFromFlags(): SandboxSettings {
  const parsed = flagSchema.safeParse({
    port: flags.port,
    host: flags.host,
    target: flags.target,
    twilioAccountSid: flags["twilio-account-sid"],
    twilioAuthToken: flags["twilio-auth-token"],
    twilioFrom: flags["twilio-from"],
    sendgridApiKey: flags["sendgrid-api-key"],
    sendgridFrom: flags["sendgrid-from"],
    callbackDelayMs: flags["callback-delay"],
    responseDelayMs: flags["response-delay"],
  });
  if (!parsed.success) throw new EnvError(describeIssues(parsed.error).split("; "));
  const given = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
  return {
    ...defaultSandboxSettings(),
    ...given,
    invalidNumbers: flags["invalid-number"],
    unreachableNumbers: flags["unreachable-number"],
    bounceAddresses: flags.bounce,
    autoCallbacks: !flags["no-auto-callbacks"],
    log,
  };
}

async function main() {
  if (flags.help) {
    console.log(HELP);
    return;
  }
  const sandbox = await startSandboxServer(settingsFromFlags());
  log(`Twilio and SendGrid sandbox at ${sandbox.url}; callbacks go to ${sandbox.settings.target}`);
  log(`Automatic callbacks are ${sandbox.settings.autoCallbacks ? "on" : "off"}. Give Firebreak these settings:`);
  for (const [name, value] of Object.entries(sandbox.env)) console.log(`${name}=${value}`);
  log(`Control API under ${sandbox.url}/_sandbox/ (npm run sandbox -- --help). Press Ctrl-C to stop.`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void sandbox.close().then(() => log("Stopped."));
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exitCode = 1;
});
