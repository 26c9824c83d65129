import { createSign } from "node:crypto";
import fc from "fast-check";
import twilio from "twilio";

// Malformed, oversized, wrongly typed and wrongly signed inputs for every way in: the webhooks, the
// API routes and the server actions. Each input is refused by construction (a field breaks its rule,
// a signature or a token is wrong, an id names nothing), so none may change a row.

export interface FuzzRequest {
  /** What it exercises, for the per-target summary: "POST /api/webhooks/alertmanager", "action createUserAction". */
  target: string;
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string | FormData;
}

export interface FuzzContext {
  baseUrl: string;
  publicUrl: string;
  tokens: { alerts: string; backups: string };
  cookies: { admin: string; viewer: string };
  twilioAuthToken: string;
  /** PEM of the key SendGrid would sign with (its public half is the server's SENDGRID_WEBHOOK_PUBLIC_KEY). */
  sendgridPrivateKey: string;
  actions: { name: string; id: string; page: string }[];
}

const BIG = 1024 * 1024 + 17;

/** Text that breaks rules: empty, huge, control characters, other scripts, injection-shaped, almost-ids. */
const nastyText = fc.oneof(
  fc.constantFrom("", " ", "\u0000", "\r\n", "-rf", "../../etc/passwd", "@/etc/passwd", "host:path", "${jndi:ldap://x}", "<script>alert(1)</script>", "NaN", "-1", "1e309", "null", "undefined", "[]", "{}", "00000000-0000-4000-8000-00000000000", "\u202e", "😀".repeat(50)),
  fc.string({ maxLength: 64 }),
  fc.string({ unit: "grapheme", maxLength: 32 }),
  fc.string({ unit: "binary", maxLength: 32 }),
  fc.string({ minLength: 5000, maxLength: 20000 }),
);

/** JSON of the wrong shape: any value, deeply nested, or a known shape with its fields' types broken. */
const wrongJson = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.anything({ maxDepth: 3 }).map((value) => safeJson(value)));

function safeJson(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value) ?? "null");
  } catch {
    return null;
  }
}

const bodyText = fc.oneof(
  wrongJson.map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom("", "{", "[", '{"alerts":', "\u0000", "null"),
  fc.constant("x".repeat(BIG)),
);

/** Alertmanager posts: a right token with a body that breaks the payload's rules, or a wrong token. */
function alertmanager(context: FuzzContext) {
  const brokenPayload = fc.record({
    version: fc.oneof(fc.constant("4"), nastyText),
    status: fc.oneof(fc.constantFrom("firing", "resolved"), nastyText),
    // Alerts whose required fields are missing or of the wrong type.
    alerts: fc.oneof(
      fc.array(fc.record({ status: nastyText, labels: fc.oneof(wrongJson, fc.dictionary(nastyText, fc.integer())), startsAt: nastyText, fingerprint: fc.oneof(fc.integer(), fc.constant(null)) }), { maxLength: 5 }),
      wrongJson,
    ),
  });
  const auth = fc.oneof(
    { weight: 4, arbitrary: fc.constant(`Bearer ${context.tokens.alerts}`) },
    { weight: 1, arbitrary: fc.constantFrom("", "Bearer", `Bearer ${context.tokens.backups}`, `Basic ${context.tokens.alerts}`, "Bearer fb_not_a_token") },
  );
  return fc
    .tuple(auth, fc.oneof(brokenPayload.map((payload) => JSON.stringify(payload)), bodyText))
    .map(([authorization, body]): FuzzRequest => ({
      target: "POST /api/webhooks/alertmanager",
      method: "POST",
      path: "/api/webhooks/alertmanager",
      headers: { "content-type": "application/json", ...(authorization && { authorization }) },
      body,
    }));
}

/** Twilio's webhooks: forms signed correctly whose fields break their rules, or wrongly signed ones. */
function twilioWebhooks(context: FuzzContext) {
  const form = fc.record(
    {
      // Never a valid message SID: SM followed by 32 hex digits.
      MessageSid: nastyText.filter((sid) => !/^[A-Z]{2}[0-9a-fA-F]{32}$/.test(sid)),
      From: fc.oneof(nastyText, fc.constant("+15551230003")),
      Body: fc.oneof(nastyText, fc.constantFrom("ACK", "ACK 1", "ack 999999")),
      MessageStatus: fc.oneof(nastyText, fc.constantFrom("delivered", "failed")),
      ErrorCode: nastyText,
    },
    { requiredKeys: [] },
  );
  const path = fc.constantFrom("/api/webhooks/twilio/sms", "/api/webhooks/twilio/status", "/api/webhooks/twilio/status?pageId=00000000-0000-4000-8000-000000000000", "/api/webhooks/twilio/status?pageId=x");
  return fc.tuple(path, form, fc.constantFrom("signed", "unsigned", "wrong", "other-url")).map(([at, fields, signing]): FuzzRequest => {
    const params = Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    const signedOver = signing === "other-url" ? `${context.publicUrl}/elsewhere` : `${context.publicUrl}${at}`;
    const signature = signing === "unsigned" ? undefined : signing === "wrong" ? "bm90LWEtc2lnbmF0dXJl" : twilio.getExpectedTwilioSignature(context.twilioAuthToken, signedOver, params);
    return {
      target: `POST ${at.split("?")[0]}`,
      method: "POST",
      path: at,
      headers: { "content-type": "application/x-www-form-urlencoded", ...(signature && { "x-twilio-signature": signature }) },
      body: new URLSearchParams(params).toString(),
    };
  });
}

/** SendGrid's event webhook: bodies that are not a list of events, signed correctly, wrongly or not at all. */
function sendgridEvents(context: FuzzContext) {
  const notEvents = fc.oneof(
    fc.object({ maxDepth: 2 }).map((value) => JSON.stringify(safeJson(value))),
    fc.array(fc.oneof(fc.integer(), nastyText, fc.constant(null)), { maxLength: 10 }).map((value) => JSON.stringify(value)),
    // Events each missing sg_event_id, or with a timestamp that is not whole seconds.
    fc.array(fc.record({ event: nastyText, timestamp: fc.oneof(fc.double(), nastyText), pageId: nastyText }), { minLength: 1, maxLength: 5 }).map((value) => JSON.stringify(value)),
    fc.constant(JSON.stringify(Array.from({ length: 3001 }, (_, index) => ({ event: "delivered", sg_event_id: `e${index}`, timestamp: 1 })))),
    bodyText,
  );
  return fc.tuple(notEvents, fc.constantFrom("signed", "unsigned", "wrong", "stale")).map(([body, signing]): FuzzRequest => {
    const timestamp = String(Math.floor(Date.now() / 1000) - (signing === "stale" ? 3600 : 0));
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (signing !== "unsigned") {
      headers["x-twilio-email-event-webhook-timestamp"] = timestamp;
      headers["x-twilio-email-event-webhook-signature"] =
        signing === "wrong" ? "MEUCIQDnotasignature" : createSign("sha256").update(timestamp + body).sign(context.sendgridPrivateKey, "base64");
    }
    return { target: "POST /api/webhooks/sendgrid/events", method: "POST", path: "/api/webhooks/sendgrid/events", headers, body };
  });
}

/** The backups report endpoint: wrong token or a body that breaks its rules. */
function backups(context: FuzzContext) {
  return fc
    .tuple(fc.constantFrom(`Bearer ${context.tokens.backups}`, `Bearer ${context.tokens.alerts}`, ""), fc.oneof(bodyText, fc.record({ kind: nastyText, status: nastyText, sizeBytes: fc.oneof(fc.double(), nastyText), finishedAt: nastyText }).map((value) => JSON.stringify(value))))
    .map(([authorization, body]): FuzzRequest => ({
      target: "POST /api/backups",
      method: "POST",
      path: "/api/backups",
      headers: { "content-type": "application/json", ...(authorization && { authorization }) },
      body,
    }));
}

/** The read API with made-up ids, numbers and queries, as an admin, a viewer and nobody. */
function readRoutes(context: FuzzContext) {
  const segment = fc.oneof(nastyText.map((text) => encodeURIComponent(text.slice(0, 200))), fc.uuid().map(String), fc.constantFrom("..", "%2e%2e", "%00", "0", "-1"));
  const route = fc.oneof(
    fc.tuple(fc.dictionary(fc.constantFrom("status", "severity", "q", "page", "cursor", "from", "to", "sort", "limit"), nastyText.map((text) => text.slice(0, 300)), { maxKeys: 4 })).map(([query]) => `/api/incidents?${new URLSearchParams(query)}`),
    segment.map((id) => `/api/incidents/${id}`),
    segment.map((id) => `/api/incidents/${id}/paging`),
    segment.map((id) => `/api/postmortems/${id}`),
    segment.map((id) => `/api/postmortems/${id}/markdown`),
    segment.map((id) => `/api/postmortems/${id}/revisions`),
    fc.tuple(segment, segment).map(([id, number]) => `/api/postmortems/${id}/revisions/${number}`),
    segment.map((id) => `/api/runs/${id}`),
    segment.map((token) => `/ack/${token}`),
  );
  return fc.tuple(route, fc.constantFrom(context.cookies.admin, context.cookies.viewer, "", "authjs.session-token=forged")).map(([path, cookie]): FuzzRequest => ({
    target: `GET ${path.replace(/\?.*/, "").replace(/\/api\/(\w+)\/[^/]+/, "/api/$1/[id]").replace(/revisions\/[^/]+$/, "revisions/[number]").replace(/^\/ack\/.*/, "/ack/[token]")}`,
    method: "GET",
    path,
    headers: cookie ? { cookie } : {},
  }));
}

/** Field names the actions take, each given a value that breaks any rule it could have. */
const FIELDS = ["incidentId", "userId", "runId", "postmortemId", "sectionId", "teamId", "contactId", "itemId", "tokenId", "id", "key", "name", "title", "email", "role", "severityId", "severity", "status", "body", "note", "kind", "channel", "password", "currentPassword", "newPassword", "scopes", "approved", "reviewerIds", "parameters", "runbookKey", "number", "token", "phone", "policy", "subject"];

/** Every server action, as an admin (past its role check: refused by its rules) and as a viewer (refused by role). */
function serverActions(context: FuzzContext) {
  const poison = fc.oneof(
    fc.constantFrom("", "x".repeat(300_000), "\u0000", "not-a-uuid", "00000000-0000-4000-8000-00000000000g", "-1", "NaN", "true\u0000"),
    fc.string({ minLength: 1000, maxLength: 3000 }).map((text) => `\u0000${text}`),
  );
  const form = fc.dictionary(fc.constantFrom(...FIELDS), poison, { minKeys: 0, maxKeys: 6 });
  // Arguments that are not a form at all: React's encoding lets a caller send any JSON.
  const notForm = fc.oneof(wrongJson, fc.dictionary(fc.constantFrom(...FIELDS), wrongJson, { maxKeys: 4 }));
  return fc
    .tuple(fc.constantFrom(...context.actions), fc.oneof(form.map((fields) => ({ form: fields })), notForm.map((value) => ({ json: value }))), fc.constantFrom(context.cookies.admin, context.cookies.admin, context.cookies.viewer))
    .map(([action, argument, cookie]): FuzzRequest => {
      let body: string | FormData;
      if ("form" in argument) {
        body = new FormData();
        body.set("0", JSON.stringify([null, "$K1"]));
        for (const [name, value] of Object.entries(argument.form)) body.set(`1_${name}`, value);
      } else {
        // "$" starts React's references; a string that begins with one is sent escaped, as React would.
        body = JSON.stringify([null, escapeReferences(argument.json)]);
      }
      return {
        target: `action ${action.name}`,
        method: "POST",
        path: action.page,
        headers: { "next-action": action.id, accept: "text/x-component", cookie, ...(typeof body === "string" && { "content-type": "text/plain;charset=UTF-8" }) },
        body,
      };
    });
}

function escapeReferences(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(escapeReferences);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, escapeReferences(inner)]));
  return value;
}

/** How many of each, in all at least `total`. */
export function fuzzRequests(context: FuzzContext, total: number, seed: number): FuzzRequest[] {
  const share = (weight: number) => Math.ceil((total * weight) / 100);
  const sample = <T>(arbitrary: fc.Arbitrary<T>, count: number, offset: number) => fc.sample(arbitrary, { numRuns: count, seed: seed + offset });
  return [
    ...sample(alertmanager(context), share(20), 1),
    ...sample(twilioWebhooks(context), share(15), 2),
    ...sample(sendgridEvents(context), share(10), 3),
    ...sample(backups(context), share(5), 4),
    ...sample(readRoutes(context), share(15), 5),
    ...sample(serverActions(context), share(35), 6),
  ];
}
