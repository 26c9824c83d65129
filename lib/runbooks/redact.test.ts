import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { firebreakSecrets, secretRedactor } from "./redact";

describe("secretRedactor", () => {
  it("replaces every occurrence of each secret of 6 characters or more", () => {
    const redact = secretRedactor(["hunter2-password", "abc", "token.with*special(chars)"]);
    expect(redact("login hunter2-password / hunter2-password abc token.with*special(chars)")).toBe("login [redacted] / [redacted] abc [redacted]");
  });

  it("redacts the longest secret first, so no part of it is left", () => {
    expect(secretRedactor(["secret", "secret-and-more"])("x secret-and-more y")).toBe("x [redacted] y");
  });

  it("leaves text alone when there are no secrets", () => {
    expect(secretRedactor([])("nothing to hide")).toBe("nothing to hide");
  });
});

describe("firebreakSecrets", () => {
  it("lists the sensitive settings and the database passwords, encoded and decoded", () => {
    const settings = parseEnv({
      AUTH_SECRET: "a".repeat(40),
      TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}`,
      TWILIO_AUTH_TOKEN: "twilio-auth-token",
      TWILIO_FROM: "+15005550006",
      SENDGRID_API_KEY: "SG.sendgrid-key",
      SENDGRID_FROM: "pages@example.com",
      METRICS_TOKEN: "prometheus-scrape-secret",
      DATABASE_URL: "postgres://firebreak:db%2Fpass@localhost:5432/firebreak",
      RUNBOOK_DATABASES: "chain=postgres://reader:chain-pass@db:5432/chain138, ledger=postgresql://ledger@db/ledger",
    });
    expect(firebreakSecrets(settings).sort()).toEqual(["a".repeat(40), "SG.sendgrid-key", "chain-pass", "db%2Fpass", "db/pass", "prometheus-scrape-secret", "twilio-auth-token"].sort());
    const redact = secretRedactor(firebreakSecrets(settings));
    expect(redact("connecting as reader:chain-pass, password db/pass")).toBe("connecting as reader:[redacted], password [redacted]");
  });
});
