import { db } from "@/lib/db/client";
import { defineRoute } from "@/lib/http/route";
import { session } from "@/lib/http/session-guard";
import { incidentFiltersSchema } from "@/lib/incidents/filters";
import { listIncidents } from "@/lib/incidents/queries";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ auth: session("viewer"), query: incidentFiltersSchema }, async ({ query }) => listIncidents(db, query));
