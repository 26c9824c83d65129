import { receiveSendgridEvents } from "@/lib/paging/webhooks/sendgrid";

// Called by the provider, not a person: the signature is the authorization.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = receiveSendgridEvents;
