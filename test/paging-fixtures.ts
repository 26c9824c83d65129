import type { Db } from "@/lib/db/client";
import { sendPage } from "@/lib/paging/delivery/send";
import { createOutboxTransport } from "@/lib/paging/delivery/transports/index";

/** What the worker does with an incident's queued pages, through the dev outbox. */
export async function handOverPages(db: Db, incidentId: string): Promise<void> {
  const queued = await db.page.findMany({ where: { incidentId, status: "queued" }, select: { id: true } });
  for (const page of queued) await sendPage(db, page.id, () => createOutboxTransport());
}
