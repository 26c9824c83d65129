import { createHash, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Guard } from "@/lib/http/route";
import { authenticateToken } from "@/lib/tokens/authenticate";

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

/** Whether an admin has given someone a live metrics:read token: then the endpoint is meant to be closed. */
const metricsTokensExist = async () => (await db.apiToken.count({ where: { scopes: { has: "metrics:read" }, revokedAt: null }, take: 1 })) > 0;

/**
 * Who may scrape /api/metrics. With METRICS_TOKEN unset and no live metrics:read API token anyone
 * may: the endpoint is then meant for a private network only. Otherwise the caller presents
 * `Authorization: Bearer <METRICS_TOKEN>` or an API token holding the metrics:read scope.
 */
export const metricsScraper: Guard<null> = async ({ request }) => {
  const configured = env().METRICS_TOKEN;
  if (!configured && !(await metricsTokensExist())) return { caller: null };
  const presented = /^Bearer +(\S+) *$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  // Compared as digests: equal lengths, and the time taken says nothing about the token.
  if (configured && presented && timingSafeEqual(digest(presented), digest(configured))) return { caller: null };
  const authentication = await authenticateToken(db, request, "metrics:read");
  return authentication.ok ? { caller: null } : { refusal: authentication.response };
};
