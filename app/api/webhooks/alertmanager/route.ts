import { receiveAlertmanagerWebhook } from "@/lib/alerts/receive";

// Called by Alertmanager, not a person: the bearer token (scope alerts:write) is the authorization.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = receiveAlertmanagerWebhook;
