import { checkHealth } from "@/lib/health/check";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Public by contract: load balancers and uptime checks call it without a session.
export async function GET() {
  const report = await checkHealth();
  return Response.json(report, { status: report.database === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
