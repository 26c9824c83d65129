import { Client } from "@sendgrid/client";
import { MailService } from "@sendgrid/mail";
import { networkFailure, providerFailure, PROVIDER_TIMEOUT_MS } from "./failure";
import type { SendResult, Transport } from "./types";

export interface SendgridSettings {
  apiKey: string;
  /** The sender address. */
  from: string;
  /** Another base URL for SendGrid's API (the sandbox); unset means https://api.sendgrid.com. */
  apiUrl?: string;
  /** How long a request may take; PROVIDER_TIMEOUT_MS unless given. */
  timeoutMs?: number;
}

/** SendGrid insists on a subject; templates normally give one. */
const FALLBACK_SUBJECT = "Firebreak page";

export function createSendgridTransport(settings: SendgridSettings): Transport {
  // Own client and service instances rather than the module singletons, so two configurations can coexist.
  const client = new Client();
  client.setApiKey(settings.apiKey);
  // After setApiKey, which resets the base URL to SendGrid's.
  if (settings.apiUrl) client.setDefaultRequest("baseUrl", settings.apiUrl);
  const mail = new MailService();
  mail.setClient(client);
  mail.setTimeout(settings.timeoutMs ?? PROVIDER_TIMEOUT_MS);

  return {
    name: "sendgrid",
    async send(message): Promise<SendResult> {
      try {
        const [response] = await mail.send({
          to: message.to,
          from: settings.from,
          subject: message.subject || FALLBACK_SUBJECT,
          text: message.body,
          customArgs: { pageId: message.pageId },
        });
        const messageId = response.headers["x-message-id"];
        if (typeof messageId !== "string" || messageId === "") {
          return providerFailure(`SendGrid accepted the message (HTTP ${response.statusCode}) without an X-Message-Id`, response.statusCode);
        }
        return { ok: true, providerId: messageId };
      } catch (error) {
        return sendgridFailure(error);
      }
    },
  };
}

/** The SDK throws a ResponseError (code = HTTP status, response.body.errors[]) for HTTP errors, axios errors otherwise. */
function sendgridFailure(error: unknown): SendResult {
  if (!(error instanceof Error) || !("response" in error) || !("code" in error) || typeof error.code !== "number") {
    return networkFailure("SendGrid", error);
  }
  const detail = firstErrorMessage(error.response) ?? error.message;
  return providerFailure(`SendGrid ${error.code}: ${detail}`, error.code);
}

function firstErrorMessage(response: unknown): string | undefined {
  const body = (response as { body?: { errors?: { message?: unknown }[] } } | undefined)?.body;
  const message = Array.isArray(body?.errors) ? body.errors[0]?.message : undefined;
  return typeof message === "string" ? message : undefined;
}
