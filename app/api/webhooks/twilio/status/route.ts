import { db } from "@/lib/db/client";
import { defineRoute } from "@/lib/http/route";
import { applyProviderStatus } from "@/lib/paging/delivery/provider-status";
import { statusCallbackQuery, statusCallbackSchema, TWILIO_MAX_BODY_BYTES, twilioStatusEvent } from "@/lib/paging/delivery/webhooks/twilio";
import { twilioSignature } from "@/lib/paging/delivery/webhooks/twilio-signature";

// Called by the provider, not a person: the signature is the authorization.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = defineRoute({ auth: twilioSignature, maxBytes: TWILIO_MAX_BODY_BYTES, query: statusCallbackQuery, body: { form: statusCallbackSchema } }, async ({ query, body }) => {
  const event = twilioStatusEvent(body, query.pageId);
  return { ok: true, outcome: event ? await applyProviderStatus(db, event) : "ignored" };
});
