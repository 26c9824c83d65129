import type { Db } from "@/lib/db/client";
import type { SandboxClient } from "@/test/sandbox";

// What became of one incident's pages: in the database (status, attempts) and at the provider
// (how many accepted requests each page caused, from the sandbox's own records).

export interface PageOutcome {
  pages: number;
  /** Page count per status once the worker has written its results. */
  statuses: Record<string, number>;
  /** Pages not "sent" or later. */
  stuck: number;
  /** Pages the provider accepted more than once. */
  duplicates: number;
  /** Pages that needed more than one send attempt. */
  retried: number;
  /** Attempts closed as "unknown": the worker stopped during them. */
  unknownAttempts: number;
}

const HANDED_OVER = new Set(["sent", "delivered"]);
const SETTLE_TIMEOUT_MS = 10_000;

export async function checkOutcome(db: Db, sandbox: SandboxClient, incidentId: string, receivedPageIds: string[]): Promise<PageOutcome> {
  // The worker writes "sent" just after the provider answers; give the last ones that moment.
  const deadline = performance.now() + SETTLE_TIMEOUT_MS;
  let pages = await db.page.findMany({ where: { incidentId }, select: { id: true, status: true, attempts: true } });
  while (pages.some((page) => !HANDED_OVER.has(page.status)) && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    pages = await db.page.findMany({ where: { incidentId }, select: { id: true, status: true, attempts: true } });
  }

  const ids = new Set(pages.map((page) => page.id));
  const foreign = receivedPageIds.filter((id) => !ids.has(id));
  if (foreign.length > 0 || new Set(receivedPageIds).size !== receivedPageIds.length) {
    throw new Error(`the sandbox's receipts for this incident hold ${foreign.length} page(s) of another incident or repeats`);
  }
  const accepted = new Map<string, number>();
  for (const message of await sandbox.messages({ provider: "twilio" })) {
    if (message.status === 201 && message.pageId && ids.has(message.pageId)) accepted.set(message.pageId, (accepted.get(message.pageId) ?? 0) + 1);
  }
  // The receipt clock reads the sandbox's log lines; its records must tell the same story.
  if (accepted.size !== receivedPageIds.length) {
    throw new Error(`the sandbox recorded ${accepted.size} accepted pages for this incident, its log lines ${receivedPageIds.length}`);
  }

  const statuses: Record<string, number> = {};
  for (const page of pages) statuses[page.status] = (statuses[page.status] ?? 0) + 1;
  return {
    pages: pages.length,
    statuses,
    stuck: pages.filter((page) => !HANDED_OVER.has(page.status)).length,
    duplicates: [...accepted.values()].filter((count) => count > 1).length,
    retried: pages.filter((page) => page.attempts > 1).length,
    unknownAttempts: await db.pageAttempt.count({ where: { page: { incidentId }, outcome: "unknown" } }),
  };
}

export const describeOutcome = (outcome: PageOutcome) =>
  `${outcome.pages} pages, statuses ${JSON.stringify(outcome.statuses)}, ${outcome.stuck} stuck, ` +
  `${outcome.duplicates} accepted by the provider more than once, ${outcome.retried} sent in more than one attempt, ` +
  `${outcome.unknownAttempts} attempt(s) left unfinished by a stopped worker`;
