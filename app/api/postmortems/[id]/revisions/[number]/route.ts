import { z } from "zod";
import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { defineRoute, idParams } from "@/lib/http/route";
import { session } from "@/lib/http/session-guard";
import { getRevision } from "@/lib/postmortems/revisions/history";

export const dynamic = "force-dynamic";

const revisionParams = idParams.extend({ number: z.string().regex(/^[1-9][0-9]{0,8}$/, "must be a revision number, 1 or more").transform(Number) });

export const GET = defineRoute({ auth: session("viewer"), params: revisionParams }, async ({ params }) => {
  const revision = await getRevision(db, params.id, params.number);
  if (!revision) throw new HttpError(404, "That revision does not exist.");
  return revision;
});
