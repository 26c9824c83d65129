import { alertmanagerPayload, type FixtureAlert } from "@/test/alert-payload-fixtures";
import type { Db } from "@/lib/db/client";
import { warmupAlerts } from "./plan";
import { pagingCost } from "./verdict";

// The storm measures a server as it runs in production: warm. Untimed, on every web instance,
// this takes each path the storm takes at least once, several requests at a time (so the
// connection pools are open and V8 and Prisma have compiled their code): alerts never seen
// resolving, alerts starting (each sent twice at once, as an HA pair does), resends, resolutions,
// and the worker paging for the incidents they opened.

const DRAIN_TIMEOUT_MS = 60_000;

async function post(url: string, token: string, alerts: FixtureAlert[]): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(alertmanagerPayload(alerts, "bench")),
  });
  if (!response.ok) throw new Error(`Warm-up post: HTTP ${response.status} ${await response.text()}`);
}

export async function warmUp(db: Db, urls: string[], token: string, count: number): Promise<void> {
  for (const [instance, url] of urls.entries()) {
    for (let index = 0; index < count; index += 1) await post(url, token, [{ fingerprint: `warmup-unseen-${instance}-${index}`, status: "resolved" }]);
    const alerts = warmupAlerts(count, new Date()).map((alert) => ({ ...alert, fingerprint: `${alert.fingerprint}-${instance}` }));
    await Promise.all(alerts.flatMap((alert) => [post(url, token, [alert]), post(url, token, [alert])]));
    await Promise.all(alerts.map((_, index) => post(url, token, [...alerts.slice(index), ...alerts.slice(0, index)].slice(0, 10))));
    await post(url, token, alerts.map((alert) => ({ ...alert, status: "resolved" as const, endsAt: new Date().toISOString() })));
  }
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  for (let cost = await pagingCost(db); (cost.byStatus.queued ?? 0) + (cost.byStatus.sending ?? 0) > 0; cost = await pagingCost(db)) {
    if (Date.now() > deadline) throw new Error("Warm-up: the worker did not hand the warm-up incidents' pages over within a minute");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
