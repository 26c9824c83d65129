import { receiveStatusCallback } from "@/lib/paging/webhooks/twilio";

// Called by the provider, not a person: the signature is the authorization.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = receiveStatusCallback;
