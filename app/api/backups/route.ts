import { readJsonBody } from "@/lib/http/json-body";
import { recordBackupReport } from "@/lib/backups/report";
import { db } from "@/lib/db/client";
import { authenticateToken } from "@/lib/tokens/authenticate";

// Called by the operator's backup scripts, not a person: the bearer token is the authorization.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 64 * 1024;
const noStore = { "cache-control": "no-store" };

export async function POST(request: Request): Promise<Response> {
  const auth = await authenticateToken(db, request, "backups:write");
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return body.response;
  const result = await recordBackupReport(db, body.value, auth.token);
  if (!result.ok) return Response.json({ error: result.error, fieldErrors: result.fieldErrors }, { status: result.status, headers: noStore });
  const { id, system, finishedAt } = result.report;
  // Answered once the transaction has committed: a 201 means the report is stored.
  return Response.json({ id, system, finishedAt: finishedAt.toISOString() }, { status: 201, headers: noStore });
}
