import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { defineRoute, idParams } from "@/lib/http/route";
import { session } from "@/lib/http/session-guard";
import { listRevisions } from "@/lib/postmortems/revisions/history";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ auth: session("viewer"), params: idParams }, async ({ params }) => {
  const revisions = await listRevisions(db, params.id);
  if (!revisions) throw new HttpError(404, "That post-mortem does not exist.");
  return revisions;
});
