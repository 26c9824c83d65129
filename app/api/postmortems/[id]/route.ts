import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { defineRoute, idParams } from "@/lib/http/route";
import { session } from "@/lib/http/session-guard";
import { getPostmortem } from "@/lib/postmortems/document/queries";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ auth: session("viewer"), params: idParams }, async ({ params }) => {
  const postmortem = await getPostmortem(db, params.id);
  if (!postmortem) throw new HttpError(404, "That post-mortem does not exist.");
  return postmortem;
});
