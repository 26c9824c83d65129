import { z } from "zod";
import { withRole } from "@/lib/auth/route";
import { db } from "@/lib/db/client";
import { getIncident } from "@/lib/incidents/queries";

export const dynamic = "force-dynamic";

export const GET = withRole<{ params: Promise<{ id: string }> }>("viewer", async (_request, { params }) => {
  const id = z.uuid().safeParse((await params).id);
  const incident = id.success ? await getIncident(db, id.data) : null;
  if (!incident) return Response.json({ error: "That incident does not exist." }, { status: 404 });
  return Response.json(incident, { headers: { "cache-control": "no-store" } });
});
