import { withRole } from "@/lib/auth/route";
import { db } from "@/lib/db/client";
import { parseIncidentFilters } from "@/lib/incidents/filters";
import { listIncidents } from "@/lib/incidents/queries";

export const dynamic = "force-dynamic";

export const GET = withRole("viewer", async (request) => {
  const filters = parseIncidentFilters(new URL(request.url).searchParams);
  return Response.json(await listIncidents(db, filters), { headers: { "cache-control": "no-store" } });
});
