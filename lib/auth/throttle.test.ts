import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resetDatabase } from "@/test/reset-database";
import { beginSignIn, delayAfter, signInSucceeded, signInThrottle, throttleLimits } from "./throttle";

const email = "someone@example.com";
const start = new Date("2026-12-03T03:00:00Z");
const after = (ms: number) => new Date(start.getTime() + ms);

/** `times` failed attempts, each let through by the gate (and counted there). */
async function fail(times: number, address: string, who = email, at = start) {
  for (let i = 0; i < times; i += 1) expect((await beginSignIn(db, who, address, at)).throttled).toBe(false);
}

beforeEach(() => resetDatabase(db));

describe("delayAfter", () => {
  it("is nothing within the free failures, then doubles from a second up to the maximum", () => {
    const limit = { free: 5, maxDelayMs: 15 * 60_000 };
    expect([4, 5, 6, 7, 14, 15, 40].map((failures) => delayAfter(failures, limit))).toEqual([0, 1000, 2000, 4000, 512_000, 900_000, 900_000]);
  });
});

describe("the sign-in gate", () => {
  it("lets the first failures through, then makes the next attempt wait, longer after each failure", async () => {
    await fail(5, "10.0.0.1");
    expect(await beginSignIn(db, email, "10.0.0.1", after(10))).toEqual({ throttled: true, retryAt: after(1000) });
    expect((await beginSignIn(db, email, "10.0.0.1", after(1000))).throttled).toBe(false);
    expect(await signInThrottle(db, email, "10.0.0.1", after(1001))).toEqual({ throttled: true, retryAt: after(3000) });
  });

  it("counts attempts sent side by side as it counts them one after another", async () => {
    const gates = await Promise.all(Array.from({ length: 20 }, () => beginSignIn(db, email, "10.0.0.1", start)));
    expect(gates.filter((gate) => !gate.throttled)).toHaveLength(throttleLimits().perPair);
  });

  it("keeps the person's other addresses and other accounts from that address open", async () => {
    await fail(5, "10.0.0.1");
    expect((await signInThrottle(db, email, "10.0.0.2", after(10))).throttled).toBe(false);
    expect((await signInThrottle(db, "other@example.com", "10.0.0.1", after(10))).throttled).toBe(false);
  });

  it("slows one address spraying a password over many accounts", async () => {
    for (let i = 0; i < throttleLimits().perAddress; i += 1) await fail(1, "10.0.0.1", `person${i}@example.com`);
    expect((await beginSignIn(db, "another@example.com", "10.0.0.1", after(10))).throttled).toBe(true);
    expect((await beginSignIn(db, "another@example.com", "10.0.0.2", after(10))).throttled).toBe(false);
  });

  it("slows guessing at one account from many addresses, but never keeps the person out for more than a minute", async () => {
    let now = start;
    for (let i = 0; i < 40; i += 1) {
      const gate = await beginSignIn(db, email, `10.0.1.${i}`, now);
      if (gate.throttled) {
        expect(gate.retryAt!.getTime() - now.getTime()).toBeLessThanOrEqual(60_000);
        now = gate.retryAt!;
        i -= 1;
      }
    }
    const fromHome = await signInThrottle(db, email, "192.0.2.7", now);
    expect(fromHome.throttled).toBe(true);
    expect(fromHome.retryAt!.getTime() - now.getTime()).toBeLessThanOrEqual(60_000);
  });

  it("starts the account's counts again after a success, and takes the attempt back from the address", async () => {
    await fail(4, "10.0.0.1");
    await fail(1, "10.0.0.1");
    await signInSucceeded(db, email, "10.0.0.1");
    expect((await signInThrottle(db, email, "10.0.0.1", after(10))).throttled).toBe(false);
    const rows = await db.signInThrottle.findMany({ orderBy: { key: "asc" } });
    expect(rows.map((row) => [row.key, row.failures])).toEqual([["address:10.0.0.1", 4]]);
  });

  it("forgets failures once a window has passed without one", async () => {
    await fail(5, "10.0.0.1");
    const later = after(throttleLimits().windowMs + 1000);
    expect((await beginSignIn(db, email, "10.0.0.1", later)).throttled).toBe(false);
    expect((await db.signInThrottle.findUniqueOrThrow({ where: { key: `pair:${email} 10.0.0.1` } })).failures).toBe(1);
  });
});
