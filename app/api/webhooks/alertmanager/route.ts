import { ingestAlerts } from "@/lib/alerts/ingest";
import { webhookSchema } from "@/lib/alerts/payload";
import { db } from "@/lib/db/client";
import { defineRoute } from "@/lib/http/route";
import { apiToken } from "@/lib/http/token-guard";

// Called by Alertmanager, not a person: the bearer token (scope alerts:write) is the authorization.
// The web server answers it ahead of Next.js (scripts/web-server.ts), so nothing here may need Next.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * 2xx only once the alerts are committed. A malformed payload is a 400 naming each field and its
 * rule (Alertmanager does not retry a 4xx); a database that is away a 503 (it retries a 5xx).
 */
export const POST = defineRoute(
  { auth: apiToken("alerts:write"), body: { json: webhookSchema }, maxBytes: 1024 * 1024, invalid: "Invalid Alertmanager payload" },
  async ({ body }) => ingestAlerts(db, body),
);
