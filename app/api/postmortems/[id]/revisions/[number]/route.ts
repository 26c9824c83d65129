import { z } from "zod";
import { withRole } from "@/lib/auth/route";
import { db } from "@/lib/db/client";
import { getRevision } from "@/lib/postmortems/revision-history";

export const dynamic = "force-dynamic";

const noStore = { "cache-control": "no-store" };

const paramsSchema = z.object({ id: z.uuid(), number: z.string().regex(/^[1-9][0-9]{0,8}$/).transform(Number) });

export const GET = withRole<{ params: Promise<{ id: string; number: string }> }>("viewer", async (_request, { params }) => {
  const parsed = paramsSchema.safeParse(await params);
  const revision = parsed.success ? await getRevision(db, parsed.data.id, parsed.data.number) : null;
  if (!revision) return Response.json({ error: "That revision does not exist." }, { status: 404, headers: noStore });
  return Response.json(revision, { headers: noStore });
});
