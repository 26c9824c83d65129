import { db } from "@/lib/db/client";
import { defineRoute } from "@/lib/http/route";
import { metricsScraper } from "@/lib/metrics/authorize-scrape";
import { METRICS_CONTENT_TYPE, renderMetrics } from "@/lib/metrics/registry";

// Prometheus scrapes it without a session: METRICS_TOKEN or a metrics:read API token, when set, is the authorization.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = defineRoute({ auth: metricsScraper }, async () =>
  new Response(await renderMetrics(db, new Date()), { headers: { "content-type": METRICS_CONTENT_TYPE } }),
);
