import type { Db } from "@/lib/db/client";
import type { FloorProbe } from "./floor";
import type { ReceiptLog } from "./receipts";
import { percentiles, type Percentiles } from "../support/percentiles";
import { declareBenchIncident, type PagingWorld } from "./world";

// One declaration paging one person: from the declare transaction's commit to the sandbox's
// receipt of that page's Twilio request. Declarations are sequential and each waits for its
// page, so none queues behind another.

export interface DeclareSample {
  incidentId: string;
  pageId: string;
  committedAt: number;
  receivedAt: number;
}

// After each sample, time for the worker to write the page's outcome, so the next one starts on a quiet system.
const SETTLE_MS = 25;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Declarations and floor samples alternate, so both meet the same machine load; the first `warmup` of each are not kept. */
export async function measureLatency(db: Db, world: PagingWorld, receipts: ReceiptLog, floor: FloorProbe, counts: { samples: number; warmup: number }) {
  const samples: DeclareSample[] = [];
  const floorMs: number[] = [];
  for (let index = 0; index < counts.warmup + counts.samples; index += 1) {
    const sample = await sampleDeclareToProvider(db, world, receipts, index);
    await sleep(SETTLE_MS);
    const floorSample = await floor.sample(index);
    await sleep(SETTLE_MS);
    if (index >= counts.warmup) {
      samples.push(sample);
      floorMs.push(floorSample);
    }
  }
  return { samples, floorMs };
}

async function sampleDeclareToProvider(db: Db, world: PagingWorld, receipts: ReceiptLog, index: number): Promise<DeclareSample> {
  const mark = receipts.count;
  const incident = await declareBenchIncident(db, world, "one", `Bench latency ${index}: bridge relayer stalled`);
  await receipts.waitForCount(mark + 1, 10_000);
  const receipt = receipts.receipt(mark);
  return { incidentId: incident.id, pageId: receipt.pageId, committedAt: incident.committedAt, receivedAt: receipt.at };
}

export interface LatencyBreakdown {
  total: Percentiles;
  /** Commit to the worker's claim of the page (the send attempt's start): NOTIFY, job fetch, page lock. */
  toClaim: Percentiles;
  /** Claim to the sandbox's receipt: the claim's commit and the Twilio SDK's request. */
  claimToProvider: Percentiles;
}

// Attempt times are wall-clock milliseconds written by the worker; this process's clock is
// converted to the same scale (same machine, same system clock).
const wallClock = (at: number) => performance.timeOrigin + at;

/** Checks every received page belongs to its declaration, and splits the time at the worker's claim. */
export async function explainLatency(db: Db, samples: DeclareSample[]): Promise<LatencyBreakdown> {
  const pages = await db.page.findMany({
    where: { id: { in: samples.map((sample) => sample.pageId) } },
    select: { id: true, incidentId: true, sendAttempts: { select: { startedAt: true }, orderBy: { number: "asc" }, take: 1 } },
  });
  const byId = new Map(pages.map((page) => [page.id, page]));
  const toClaim: number[] = [];
  const claimToProvider: number[] = [];
  for (const sample of samples) {
    const page = byId.get(sample.pageId);
    if (page?.incidentId !== sample.incidentId) throw new Error(`page ${sample.pageId} received after incident ${sample.incidentId}'s commit is not its page`);
    const claimedAt = page.sendAttempts[0]?.startedAt.getTime();
    if (claimedAt === undefined) throw new Error(`page ${sample.pageId} has no send attempt`);
    toClaim.push(claimedAt - wallClock(sample.committedAt));
    claimToProvider.push(wallClock(sample.receivedAt) - claimedAt);
  }
  return {
    total: percentiles(samples.map((sample) => sample.receivedAt - sample.committedAt)),
    toClaim: percentiles(toClaim),
    claimToProvider: percentiles(claimToProvider),
  };
}
