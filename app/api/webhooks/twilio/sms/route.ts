import { db } from "@/lib/db/client";
import { defineRoute } from "@/lib/http/route";
import { handleInboundSms } from "@/lib/paging/acknowledgement/inbound-sms";
import { inboundSmsSchema, TWILIO_MAX_BODY_BYTES } from "@/lib/paging/delivery/webhooks/twilio";
import { twilioSignature } from "@/lib/paging/delivery/webhooks/twilio-signature";
import { twimlResponse } from "@/lib/paging/delivery/webhooks/twiml";

// Called by the provider, not a person: the signature is the authorization.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Twilio sends the TwiML's message back to the phone as the reply.
export const POST = defineRoute({ auth: twilioSignature, maxBytes: TWILIO_MAX_BODY_BYTES, body: { form: inboundSmsSchema } }, async ({ body }) => {
  const result = await handleInboundSms(db, { from: body.From, body: body.Body, messageId: body.MessageSid });
  return twimlResponse(result.reply);
});
