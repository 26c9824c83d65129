import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER } from "@/lib/net/client-address";

// Sign-in failures slow the next attempt down; they never lock anyone out for good. Three counts,
// each with its free failures and then a delay that doubles with every further failure:
//   - one account from one address: a guesser at one password, or a person who forgot theirs;
//   - one address over every account: one password sprayed across all of them;
//   - one account from every address: guessing spread over many addresses. Its delay stays short
//     (ACCOUNT_MAX_DELAY_MS), so strangers failing cannot keep the real person out at 3 a.m.
// An attempt is counted as a failure before its password is checked, in one transaction with the
// check, so a hundred attempts sent at once meet the limit as a hundred sent one after another do.
// A success takes its own count back and clears the account's.

export interface ThrottleState {
  throttled: boolean;
  /** When the next attempt is allowed (null when it is now). */
  retryAt: Date | null;
}

const FIRST_DELAY_MS = 1000;
const ACCOUNT_MAX_DELAY_MS = 60_000;

interface Limit {
  key: string;
  /** Failures before the first delay. */
  free: number;
  maxDelayMs: number;
}

export function throttleLimits() {
  const { SIGN_IN_MAX_FAILURES, SIGN_IN_WINDOW_MINUTES } = env();
  const windowMs = SIGN_IN_WINDOW_MINUTES * 60_000;
  return {
    /** One account from one address. */
    perPair: SIGN_IN_MAX_FAILURES,
    /** One address over all accounts, and one account from all addresses. */
    perAddress: SIGN_IN_MAX_FAILURES * 4,
    perAccount: SIGN_IN_MAX_FAILURES * 4,
    /** Failures older than this (since the key's last one) are forgotten; also the longest delay. */
    windowMs,
    accountMaxDelayMs: Math.min(ACCOUNT_MAX_DELAY_MS, windowMs),
  };
}

function limitsFor(email: string, address: string): Limit[] {
  const limits = throttleLimits();
  return [
    { key: `pair:${email} ${address}`, free: limits.perPair, maxDelayMs: limits.windowMs },
    { key: `address:${address}`, free: limits.perAddress, maxDelayMs: limits.windowMs },
    { key: `account:${email}`, free: limits.perAccount, maxDelayMs: limits.accountMaxDelayMs },
  ];
}

/** How long after its latest failure a key with `failures` waits: nothing within its free failures, then 1 s, 2 s, 4 s … up to its maximum. */
export function delayAfter(failures: number, limit: Pick<Limit, "free" | "maxDelayMs">): number {
  if (failures < limit.free) return 0;
  return Math.min(limit.maxDelayMs, FIRST_DELAY_MS * 2 ** Math.min(30, failures - limit.free));
}

interface Row {
  key: string;
  failures: number;
  lastFailureAt: Date | null;
  blockedUntil: Date | null;
}

/**
 * The gate before a password is checked: refused (with when to try again) while any of the
 * attempt's counts is waiting out a delay; otherwise the attempt is counted as a failure already,
 * so attempts sent side by side meet the limit, and signInSucceeded takes it back.
 */
export async function beginSignIn(db: Db, email: string, address: string, now = new Date()): Promise<ThrottleState> {
  const limits = limitsFor(email, address);
  const { windowMs } = throttleLimits();
  return db.$transaction(async (tx) => {
    const keys = limits.map((limit) => limit.key);
    await tx.$executeRaw`INSERT INTO "SignInThrottle" (key) SELECT unnest(${keys}::text[]) ON CONFLICT (key) DO NOTHING`;
    const rows = await tx.$queryRaw<Row[]>`
      SELECT key, failures, "lastFailureAt", "blockedUntil" FROM "SignInThrottle" WHERE key = ANY(${keys}::text[]) ORDER BY key FOR UPDATE`;
    const waits = rows.map((row) => row.blockedUntil).filter((until): until is Date => until !== null && until > now);
    if (waits.length > 0) return { throttled: true, retryAt: new Date(Math.max(...waits.map((until) => until.getTime()))) };

    for (const limit of limits) {
      const row = rows.find((candidate) => candidate.key === limit.key)!;
      const forgotten = row.lastFailureAt === null || now.getTime() - row.lastFailureAt.getTime() > windowMs;
      const failures = (forgotten ? 0 : row.failures) + 1;
      const delay = delayAfter(failures, limit);
      await tx.signInThrottle.update({
        where: { key: limit.key },
        data: { failures, lastFailureAt: now, blockedUntil: delay > 0 ? new Date(now.getTime() + delay) : null },
      });
    }
    return { throttled: false, retryAt: null };
  });
}

/** The password was right: the account's counts start again, and the address's loses this attempt. */
export async function signInSucceeded(db: Db, email: string, address: string): Promise<void> {
  const [pair, byAddress, account] = limitsFor(email, address);
  await db.$transaction([
    db.signInThrottle.deleteMany({ where: { key: { in: [pair!.key, account!.key] } } }),
    db.$executeRaw`
      UPDATE "SignInThrottle" SET failures = greatest(failures - 1, 0),
             "blockedUntil" = CASE WHEN failures - 1 < ${byAddress!.free} THEN NULL ELSE "blockedUntil" END
       WHERE key = ${byAddress!.key}`,
  ]);
}

/** Whether an attempt now would be refused, and until when: what the sign-in page tells the person. */
export async function signInThrottle(db: Db, email: string, address: string, now = new Date()): Promise<ThrottleState> {
  const rows = await db.signInThrottle.findMany({
    where: { key: { in: limitsFor(email, address).map((limit) => limit.key) }, blockedUntil: { gt: now } },
    select: { blockedUntil: true },
  });
  if (rows.length === 0) return { throttled: false, retryAt: null };
  return { throttled: true, retryAt: new Date(Math.max(...rows.map((row) => row.blockedUntil!.getTime()))) };
}

/** Sign-in history, kept for the audit trail and pruned after a while (lib/auth/tasks.ts). */
export async function recordSignInAttempt(db: Db, email: string, address: string, succeeded: boolean): Promise<void> {
  await db.signInAttempt.create({ data: { email, address, succeeded } });
}

/**
 * The client's address as the web process's front worked it out from the connection (and from
 * X-Forwarded-For only when the connection came from a trusted proxy): lib/http/client-address.ts.
 * Without the front (next dev) every client is "unknown".
 */
export function clientAddress(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) || "unknown";
}
