import { checkDatabase } from "@/lib/health";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Public by contract: load balancers and uptime checks call it without a session.
export async function GET() {
  const database = await checkDatabase();
  return Response.json(
    database === "ok" ? { status: "ok", database } : { status: "error", database },
    { status: database === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
