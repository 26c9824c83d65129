import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { defineRoute, idParams } from "@/lib/http/route";
import { session } from "@/lib/http/session-guard";
import { getIncidentPaging } from "@/lib/paging/queries";
import { pagesFor } from "@/lib/people/visibility";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ auth: session("viewer"), params: idParams }, async ({ params, caller }) => {
  const paging = await getIncidentPaging(db, params.id);
  if (!paging) throw new HttpError(404, "That incident does not exist.");
  return { ...paging, pages: pagesFor(caller.role, paging.pages) };
});
