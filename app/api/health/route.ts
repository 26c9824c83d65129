import { checkHealth } from "@/lib/health/check";
import { anyone, defineRoute } from "@/lib/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Public by contract: load balancers and uptime checks call it without a session.
export const GET = defineRoute({ auth: anyone }, async () => {
  const report = await checkHealth();
  return Response.json(report, { status: report.database === "ok" ? 200 : 503 });
});
