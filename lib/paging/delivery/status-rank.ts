import type { PageStatus } from "@/lib/db/generated/client";

// Page statuses only move forward: a late or repeated callback never undoes a newer one.
const rank: Record<PageStatus, number> = { queued: 0, sending: 1, sent: 2, delivered: 3, failed: 3, cancelled: 3 };

export function advances(from: PageStatus, to: PageStatus): boolean {
  return rank[to] > rank[from];
}
