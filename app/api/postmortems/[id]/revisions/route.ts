import { z } from "zod";
import { withRole } from "@/lib/auth/route";
import { db } from "@/lib/db/client";
import { listRevisions } from "@/lib/postmortems/revision-history";

export const dynamic = "force-dynamic";

const noStore = { "cache-control": "no-store" };

export const GET = withRole<{ params: Promise<{ id: string }> }>("viewer", async (_request, { params }) => {
  const id = z.uuid().safeParse((await params).id);
  const revisions = id.success ? await listRevisions(db, id.data) : null;
  if (!revisions) return Response.json({ error: "That post-mortem does not exist." }, { status: 404, headers: noStore });
  return Response.json(revisions, { headers: noStore });
});
