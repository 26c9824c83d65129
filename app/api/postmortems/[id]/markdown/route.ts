import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { defineRoute, idParams } from "@/lib/http/route";
import { session } from "@/lib/http/session-guard";
import { postmortemFileName, postmortemMarkdown } from "@/lib/postmortems/document/markdown-export";
import { getPostmortem } from "@/lib/postmortems/document/queries";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ auth: session("viewer"), params: idParams }, async ({ params }) => {
  const postmortem = await getPostmortem(db, params.id);
  if (!postmortem) throw new HttpError(404, "That post-mortem does not exist.");
  return new Response(postmortemMarkdown(postmortem), {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${postmortemFileName(postmortem)}"`,
    },
  });
});
