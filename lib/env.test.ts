import { describe, expect, it } from "vitest";
import { deliveryProblems, EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("gives the documented defaults", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, HOST: "127.0.0.1", DATA_DIR: ".data", EMBEDDED_PG_PORT: 54329, WORKER_CONCURRENCY: 10, PAGE_LINK_TTL_HOURS: 24 });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("takes a provider's settings all together or not at all, naming what is missing", () => {
    expect(() => parseEnv({ TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}` })).toThrow(/TWILIO_AUTH_TOKEN: is required when TWILIO_ACCOUNT_SID is set/);
    expect(() => parseEnv({ SENDGRID_FROM: "pages@example.com" })).toThrow(/SENDGRID_API_KEY: is required/);
    expect(parseEnv({ SENDGRID_API_KEY: "SG.x", SENDGRID_FROM: "pages@example.com" }).SENDGRID_FROM).toBe("pages@example.com");
  });

  it("treats an empty variable as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it("names every bad setting and its rule", () => {
    const error = (() => {
      try {
        parseEnv({ PORT: "http", AUTH_SECRET: "short", DATABASE_URL: "mysql://x" });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(EnvError);
    const problems = (error as EnvError).problems.join("\n");
    expect(problems).toMatch(/^PORT: /m);
    expect(problems).toContain("AUTH_SECRET: must be at least 32 characters");
    expect(problems).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
  });
});

describe("deliveryProblems", () => {
  const production = { DATABASE_URL: "postgres://db/firebreak" };
  const twilio = { TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}`, TWILIO_AUTH_TOKEN: "token", TWILIO_FROM: "+15005550006" };
  const sendgrid = { SENDGRID_API_KEY: "SG.x", SENDGRID_FROM: "pages@example.com" };

  it("says nothing for the embedded demo", () => {
    expect(deliveryProblems(parseEnv({}))).toEqual([]);
    expect(deliveryProblems(parseEnv(twilio))).toEqual([]);
  });

  it("in production, asks for PUBLIC_URL next to a provider and a provider for every channel", () => {
    expect(deliveryProblems(parseEnv({ ...production, ...twilio, ...sendgrid }))).toEqual([expect.stringMatching(/^PUBLIC_URL: is required next to a paging provider/)]);
    const withUrl = { ...production, PUBLIC_URL: "https://firebreak.example" };
    expect(deliveryProblems(parseEnv({ ...withUrl, ...twilio, ...sendgrid }))).toEqual([]);
    expect(deliveryProblems(parseEnv({ ...withUrl, ...twilio }))).toEqual([expect.stringMatching(/^SENDGRID_API_KEY: email has no provider/)]);
    expect(deliveryProblems(parseEnv(production))).toHaveLength(2);
  });

  it("lets the operator keep a channel in the dev outbox on purpose", () => {
    expect(deliveryProblems(parseEnv({ ...production, ALLOW_DEV_OUTBOX: "true" }))).toEqual([]);
  });
});
