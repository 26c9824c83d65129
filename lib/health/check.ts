import "server-only";
import { db, type Db } from "@/lib/db/client";
import type { HealthReport } from "./report";
import { countLiveWorkers } from "./workers";
import { channelProviders } from "@/lib/env";

// A hung database never answers, so the limit only has to stay above what a healthy one may take:
// on a busy 2-core host (a build or a test run beside the server) a query that has to open a
// connection can take a couple of seconds, and a load balancer told "down" would pull a working
// instance. 5 s clears that with room, and a hung database is still reported within seconds.
const TIMEOUT_MS = 5_000;

/** What GET /api/health answers. One query proves the database answers and counts the live workers. */
export async function checkHealth(client: Db = db): Promise<HealthReport> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), TIMEOUT_MS);
  });
  const probe = countLiveWorkers(client).catch(() => null);
  try {
    const workers = await Promise.race([probe, timeout]);
    if (workers === null) return { status: "error", database: "unreachable" };
    // The web side works without workers, so a load balancer keeps it (200); people are told instead.
    return { status: workers > 0 ? "ok" : "degraded", database: "ok", workers, channels: channelProviders() };
  } finally {
    clearTimeout(timer);
  }
}
