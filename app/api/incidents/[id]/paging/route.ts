import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { defineRoute, idParams } from "@/lib/http/route";
import { session } from "@/lib/http/session-guard";
import { getIncidentPaging } from "@/lib/paging/queries";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ auth: session("viewer"), params: idParams }, async ({ params }) => {
  const paging = await getIncidentPaging(db, params.id);
  if (!paging) throw new HttpError(404, "That incident does not exist.");
  return paging;
});
