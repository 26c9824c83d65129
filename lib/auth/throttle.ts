import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";

export interface ThrottleState {
  throttled: boolean;
  /** When the oldest counted failure leaves the window and another attempt is allowed. */
  retryAt: Date | null;
}

export function throttleLimits() {
  const { SIGN_IN_MAX_FAILURES, SIGN_IN_WINDOW_MINUTES } = env();
  return {
    perAddress: SIGN_IN_MAX_FAILURES,
    // A client that forges its address still meets a cap on the account as a whole.
    perAccount: SIGN_IN_MAX_FAILURES * 4,
    windowMs: SIGN_IN_WINDOW_MINUTES * 60_000,
  };
}

export async function signInThrottle(db: Db, email: string, address: string, now = new Date()): Promise<ThrottleState> {
  const { perAddress, perAccount, windowMs } = throttleLimits();
  const since = new Date(now.getTime() - windowMs);
  const failures = await db.signInAttempt.findMany({
    where: { email, succeeded: false, createdAt: { gt: since } },
    select: { address: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: perAccount,
  });
  const fromAddress = failures.filter((failure) => failure.address === address);
  const limiting =
    fromAddress.length >= perAddress ? fromAddress[perAddress - 1] : failures.length >= perAccount ? failures[perAccount - 1] : undefined;
  if (!limiting) return { throttled: false, retryAt: null };
  return { throttled: true, retryAt: new Date(limiting.createdAt.getTime() + windowMs) };
}

export async function recordSignInAttempt(db: Db, email: string, address: string, succeeded: boolean): Promise<void> {
  await db.signInAttempt.create({ data: { email, address, succeeded } });
}

/** The address the nearest proxy (or Next itself) saw: the last X-Forwarded-For entry. */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").pop()?.trim();
  return last || headers.get("x-real-ip") || "unknown";
}
