import { z } from "zod";
import { withRole } from "@/lib/auth/route";
import { db } from "@/lib/db/client";
import { getIncidentPaging } from "@/lib/paging/queries";

export const dynamic = "force-dynamic";

export const GET = withRole<{ params: Promise<{ id: string }> }>("viewer", async (_request, { params }) => {
  const id = z.uuid().safeParse((await params).id);
  const paging = id.success ? await getIncidentPaging(db, id.data) : null;
  if (!paging) return Response.json({ error: "That incident does not exist." }, { status: 404 });
  return Response.json(paging, { headers: { "cache-control": "no-store" } });
});
