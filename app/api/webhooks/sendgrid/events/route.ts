import { db } from "@/lib/db/client";
import { defineRoute } from "@/lib/http/route";
import { applySendgridEvents, sendgridEventsSchema } from "@/lib/paging/delivery/webhooks/sendgrid";
import { sendgridSignature } from "@/lib/paging/delivery/webhooks/sendgrid-signature";

// Called by the provider, not a person: the signature is the authorization.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// SendGrid posts a batch once it reaches 768 KB: this is that with room to spare. Nothing past it is read.
const MAX_BODY_BYTES = 1024 * 1024;

export const POST = defineRoute({ auth: sendgridSignature, body: { json: sendgridEventsSchema }, maxBytes: MAX_BODY_BYTES }, async ({ body }) => ({
  ok: true,
  outcomes: await applySendgridEvents(db, body),
}));
