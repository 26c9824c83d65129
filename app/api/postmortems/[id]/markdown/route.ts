import { z } from "zod";
import { withRole } from "@/lib/auth/route";
import { db } from "@/lib/db/client";
import { postmortemFileName, postmortemMarkdown } from "@/lib/postmortems/markdown-export";
import { getPostmortem } from "@/lib/postmortems/queries";

export const dynamic = "force-dynamic";

export const GET = withRole<{ params: Promise<{ id: string }> }>("viewer", async (_request, { params }) => {
  const id = z.uuid().safeParse((await params).id);
  const postmortem = id.success ? await getPostmortem(db, id.data) : null;
  if (!postmortem) return Response.json({ error: "That post-mortem does not exist." }, { status: 404, headers: { "cache-control": "no-store" } });
  return new Response(postmortemMarkdown(postmortem), {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${postmortemFileName(postmortem)}"`,
      "cache-control": "no-store",
    },
  });
});
