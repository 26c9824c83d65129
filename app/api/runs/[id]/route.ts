import { z } from "zod";
import { withRole } from "@/lib/auth/route";
import { db } from "@/lib/db/client";
import { getRun } from "@/lib/runbooks/queries";

export const dynamic = "force-dynamic";

export const GET = withRole<{ params: Promise<{ id: string }> }>("viewer", async (_request, { params }) => {
  const id = z.uuid().safeParse((await params).id);
  const run = id.success ? await getRun(db, id.data) : null;
  if (!run) return Response.json({ error: "That run does not exist." }, { status: 404 });
  return Response.json(run, { headers: { "cache-control": "no-store" } });
});
