import type { z } from "zod";

const noStore = { "cache-control": "no-store" };

export const forbidden = (reason: string) => Response.json({ error: reason }, { status: 403, headers: noStore });

/** A malformed request: 400 naming each field and the rule it broke. */
export function badRequest(error: z.ZodError): Response {
  const problems = error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);
  return Response.json({ error: "Invalid request", problems }, { status: 400, headers: noStore });
}

export const accepted = (data: Record<string, unknown> = {}) => Response.json({ ok: true, ...data }, { headers: noStore });
