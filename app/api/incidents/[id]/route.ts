import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { defineRoute, idParams } from "@/lib/http/route";
import { session } from "@/lib/http/session-guard";
import { getIncident } from "@/lib/incidents/queries";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ auth: session("viewer"), params: idParams }, async ({ params }) => {
  const incident = await getIncident(db, params.id);
  if (!incident) throw new HttpError(404, "That incident does not exist.");
  return incident;
});
