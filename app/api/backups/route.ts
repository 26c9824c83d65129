import { z } from "zod";
import { recordBackupReport } from "@/lib/backups/report";
import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { defineRoute } from "@/lib/http/route";
import { apiToken } from "@/lib/http/token-guard";

// Called by the operator's backup scripts, not a person: the bearer token is the authorization.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The report is validated by recordBackupReport, which names each field and rule for a cron log.
export const POST = defineRoute({ auth: apiToken("backups:write"), body: { json: z.unknown() }, maxBytes: 64 * 1024 }, async ({ caller, body }) => {
  const result = await recordBackupReport(db, body, caller);
  if (!result.ok) throw new HttpError(result.status, result.error, result.fieldErrors);
  const { id, system, finishedAt } = result.report;
  // Answered once the transaction has committed: a 201 means the report is stored.
  return Response.json({ id, system, finishedAt: finishedAt.toISOString() }, { status: 201 });
});
