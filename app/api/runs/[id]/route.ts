import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { defineRoute, idParams } from "@/lib/http/route";
import { session } from "@/lib/http/session-guard";
import { getRun } from "@/lib/runbooks/queries";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ auth: session("viewer"), params: idParams }, async ({ params }) => {
  const run = await getRun(db, params.id);
  if (!run) throw new HttpError(404, "That run does not exist.");
  return run;
});
