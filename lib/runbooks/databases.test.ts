import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";
import { parseRunbookDatabases } from "./databases";

describe("RUNBOOK_DATABASES", () => {
  it("is optional: no setting, no SQL targets", () => {
    expect(parseEnv({}).RUNBOOK_DATABASES).toBeUndefined();
    expect(parseRunbookDatabases(undefined)).toEqual({});
  });

  it("reads comma-separated name=postgres:// pairs", () => {
    const setting = parseEnv({ RUNBOOK_DATABASES: "chain=postgres://reader:p%2Cw@db:5432/chain138 , ledger=postgresql://ledger@db/ledger" }).RUNBOOK_DATABASES;
    expect(parseRunbookDatabases(setting)).toEqual({ chain: "postgres://reader:p%2Cw@db:5432/chain138", ledger: "postgresql://ledger@db/ledger" });
  });

  it("is refused at start-up when it is not a list of pairs, naming the setting and the rule", () => {
    for (const setting of ["chain", "chain=mysql://db/chain", "Chain=postgres://db/chain", "chain=postgres://db/a,"]) {
      expect(() => parseEnv({ RUNBOOK_DATABASES: setting })).toThrow(/RUNBOOK_DATABASES: must be comma-separated name=postgres:\/\/… pairs/);
    }
  });

  it("refuses a name listed twice, without echoing the URLs (they hold passwords)", () => {
    expect(() => parseRunbookDatabases("chain=postgres://a:pw1@db/a,chain=postgres://a:pw2@db/b")).toThrow(EnvError);
    expect(() => parseRunbookDatabases("chain=postgres://a:pw1@db/a,chain=postgres://a:pw2@db/b")).toThrow('RUNBOOK_DATABASES: "chain" is listed twice');
    expect(() => parseRunbookDatabases("=postgres://a:pw1@db/a")).toThrow(/^(?!.*pw1).*entry 1 must be name=postgres/s);
  });
});
