import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resetDatabase } from "@/test/reset-database";
import { clientAddress, recordSignInAttempt, signInThrottle } from "./throttle";

const email = "someone@example.com";

async function fail(times: number, address: string, at?: Date) {
  for (let i = 0; i < times; i += 1) {
    if (at) await db.signInAttempt.create({ data: { email, address, succeeded: false, createdAt: at } });
    else await recordSignInAttempt(db, email, address, false);
  }
}

beforeEach(() => resetDatabase(db));

describe("signInThrottle", () => {
  it("allows four failures and throttles the fifth from the same address", async () => {
    await fail(4, "10.0.0.1");
    expect((await signInThrottle(db, email, "10.0.0.1")).throttled).toBe(false);
    await fail(1, "10.0.0.1");
    const state = await signInThrottle(db, email, "10.0.0.1");
    expect(state.throttled).toBe(true);
    expect(state.retryAt!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
  });

  it("keeps other addresses and other accounts open", async () => {
    await fail(5, "10.0.0.1");
    expect((await signInThrottle(db, email, "10.0.0.2")).throttled).toBe(false);
    expect((await signInThrottle(db, "other@example.com", "10.0.0.1")).throttled).toBe(false);
  });

  it("caps failures for the account across addresses", async () => {
    for (let i = 0; i < 20; i += 1) await fail(1, `10.0.1.${i}`);
    expect((await signInThrottle(db, email, "10.0.2.1")).throttled).toBe(true);
  });

  it("forgets failures older than the window", async () => {
    await fail(5, "10.0.0.1", new Date(Date.now() - 16 * 60_000));
    expect((await signInThrottle(db, email, "10.0.0.1")).throttled).toBe(false);
  });

  it("does not count successes", async () => {
    await fail(4, "10.0.0.1");
    await recordSignInAttempt(db, email, "10.0.0.1", true);
    expect((await signInThrottle(db, email, "10.0.0.1")).throttled).toBe(false);
  });
});

describe("clientAddress", () => {
  it("takes the address the nearest proxy saw", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.1.1.1, 2.2.2.2" }))).toBe("2.2.2.2");
    expect(clientAddress(new Headers({ "x-real-ip": "3.3.3.3" }))).toBe("3.3.3.3");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
