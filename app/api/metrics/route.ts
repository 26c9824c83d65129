import { db } from "@/lib/db/client";
import { refuseScrape } from "@/lib/metrics/authorize-scrape";
import { METRICS_CONTENT_TYPE, renderMetrics } from "@/lib/metrics/registry";

// Prometheus scrapes it without a session: METRICS_TOKEN or a metrics:read API token, when set, is the authorization.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const refusal = await refuseScrape(db, request);
  if (refusal) return refusal;
  const body = await renderMetrics(db, new Date());
  return new Response(body, { headers: { "content-type": METRICS_CONTENT_TYPE, "cache-control": "no-store" } });
}
