import { z } from "zod";

// GET /api/health as the browser reads it: the worker banner, and error pages asking why a page failed.

/** Which provider each channel pages through: "outbox" means the in-app dev outbox, which reaches nobody. */
export const channelsSchema = z.object({ sms: z.enum(["twilio", "outbox"]), email: z.enum(["sendgrid", "outbox"]) });

export const healthReportSchema = z.discriminatedUnion("database", [
  z.object({ status: z.enum(["ok", "degraded"]), database: z.literal("ok"), workers: z.number().int().min(0), channels: channelsSchema.optional() }),
  z.object({ status: z.literal("error"), database: z.literal("unreachable") }),
]);

export type HealthReport = z.infer<typeof healthReportSchema>;

/** The health answer in a response, or null when it is none (a proxy's error page, a server that is not Firebreak). */
export async function readHealth(response: Response): Promise<HealthReport | null> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = healthReportSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

export async function fetchHealth(): Promise<HealthReport> {
  const report = await readHealth(await fetch("/api/health", { cache: "no-store" }));
  if (!report) throw new Error("/api/health did not answer with a health report");
  return report;
}

/** What keeps pages from loading: the database, the server itself (no answer, or not Firebreak's), or nothing (null). */
export type Outage = "database" | "server" | null;

/** Reads a GET /api/health response, or its absence (the request failed), as an outage. */
export async function outageFrom(response: Response | null): Promise<Outage> {
  if (!response) return "server";
  const report = await readHealth(response);
  if (!report) return "server";
  return report.database === "ok" ? null : "database";
}
