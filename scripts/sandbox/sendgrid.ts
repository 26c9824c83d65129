import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, sendJson } from "./http";
import type { SandboxState } from "./state";

interface SendgridError {
  field: string | null;
  message: string;
  help: string | null;
}

const errors = (...list: SendgridError[]) => ({ errors: list });
const injected = {
  429: errors({ field: null, message: "too many requests", help: null }),
  500: errors({ field: null, message: "internal server error", help: null }),
  503: errors({ field: null, message: "service unavailable", help: null }),
};

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

interface MailBody {
  personalizations?: { to?: { email?: unknown }[]; subject?: unknown; custom_args?: Record<string, unknown> }[];
  from?: { email?: unknown };
  subject?: unknown;
  content?: { type?: unknown; value?: unknown }[];
  custom_args?: Record<string, unknown>;
}

/** SendGrid's v3 Mail Send as @sendgrid/mail calls it: JSON, Bearer API key, 202 with X-Message-Id. */
export async function handleSendgridMail(state: SandboxState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const text = await readBody(request);
  const mail = parseMail(text);
  const authorized = request.headers.authorization === `Bearer ${state.settings.sendgridApiKey}`;
  const personalization = mail?.personalizations?.[0];
  const to = stringOrNull(personalization?.to?.[0]?.email);
  const blocks = Array.isArray(mail?.content) ? mail.content : [];
  const content = blocks.find((block) => block?.type === "text/plain") ?? blocks[0];
  const record = (status: number, providerId: string | null = null) =>
    state.messages.add({
      provider: "sendgrid",
      channel: "email",
      to,
      from: stringOrNull(mail?.from?.email),
      subject: stringOrNull(personalization?.subject ?? mail?.subject),
      body: stringOrNull(content?.value),
      pageId: stringOrNull(personalization?.custom_args?.pageId ?? mail?.custom_args?.pageId),
      providerId,
      statusCallback: null,
      authorized,
      status,
    });
  const refuse = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    record(status);
    sendJson(response, status, body, headers);
  };

  if (!authorized) return refuse(401, errors({ field: null, message: "The provided authorization grant is invalid, expired, or revoked", help: null }));
  if (state.failures.intercept("sendgrid", to, request.socket, (status, headers) => refuse(status, injected[status], headers))) return;
  const problems = mail ? mailProblems(mail) : [{ field: null, message: "Bad Request", help: null }];
  if (problems.length > 0) return refuse(400, errors(...problems));

  const messageId = randomBytes(16).toString("base64url").slice(0, 22);
  const message = record(202, messageId);
  response.writeHead(202, { "X-Message-Id": messageId });
  response.end();
  state.onAccepted(message);
}

function parseMail(text: string): MailBody | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as MailBody) : undefined;
  } catch {
    return undefined;
  }
}

const stringOrNull = (value: unknown) => (typeof value === "string" ? value : null);

/** The checks SendGrid makes that a paging email could fail, with SendGrid's own wording. */
function mailProblems(mail: MailBody): SendgridError[] {
  const help = (anchor: string) => `http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.${anchor}`;
  const problems: SendgridError[] = [];
  const personalizations = Array.isArray(mail.personalizations) ? mail.personalizations : [];
  if (personalizations.length === 0) {
    problems.push({ field: "personalizations", message: "The personalizations field is required and must have at least one personalization.", help: help("personalizations") });
  }
  personalizations.forEach((personalization, index) => {
    const recipients = Array.isArray(personalization?.to) ? personalization.to : [];
    if (recipients.length === 0) {
      problems.push({ field: `personalizations.${index}.to`, message: "The to array is required for all personalization objects, and must have at least one email object with a valid email address.", help: help("personalizations.to") });
    }
    recipients.forEach((recipient, position) => {
      if (typeof recipient?.email !== "string" || !EMAIL.test(recipient.email)) {
        problems.push({ field: `personalizations.${index}.to.${position}.email`, message: "Does not contain a valid address.", help: help("personalizations.to") });
      }
    });
  });
  if (typeof mail.from?.email !== "string" || !EMAIL.test(mail.from.email)) {
    problems.push({ field: "from.email", message: "The from email does not contain a valid address.", help: help("from") });
  }
  if (!mail.subject && !personalizations.every((personalization) => personalization?.subject)) {
    problems.push({ field: "subject", message: "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.", help: help("subject") });
  }
  if (!Array.isArray(mail.content) || !mail.content.some((block) => typeof block?.value === "string" && block.value !== "")) {
    problems.push({ field: "content", message: "Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block.", help: help("content") });
  }
  return problems;
}
