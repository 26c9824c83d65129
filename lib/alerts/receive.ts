import { readJsonBody } from "@/lib/http/json-body";
import { databaseOutage, isDatabaseUnavailable } from "@/lib/db/availability";
import { db } from "@/lib/db/client";
import { fieldErrorsOf } from "@/lib/errors";
import { authenticateToken } from "@/lib/tokens/authenticate";
import { ingestAlerts } from "./ingest";
import { webhookSchema } from "./payload";

export const MAX_BODY_BYTES = 1024 * 1024;

const noStore = { "cache-control": "no-store" };

/**
 * Alertmanager's webhook receiver. 2xx only once the alerts are committed; a malformed payload
 * is a 400 naming each field and its rule (Alertmanager does not retry 4xx), a database failure
 * a 503 (it retries 5xx).
 */
export async function receiveAlertmanagerWebhook(request: Request): Promise<Response> {
  const auth = await authenticateToken(db, request, "alerts:write");
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return body.response;
  const parsed = webhookSchema.safeParse(body.value);
  if (!parsed.success) {
    return Response.json({ error: "Invalid Alertmanager payload", fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400, headers: noStore });
  }

  try {
    return Response.json(await ingestAlerts(db, parsed.data), { headers: noStore });
  } catch (error) {
    // A database that is away is said once every few seconds, not with a stack per post.
    if (isDatabaseUnavailable(error)) databaseOutage.failed(error);
    else console.error(`[alertmanager] token ${auth.token.name}: could not record ${parsed.data.alerts.length} alert(s)`, error);
    return Response.json({ error: "The alerts could not be recorded; send them again" }, { status: 503, headers: { ...noStore, "retry-after": "5" } });
  }
}
