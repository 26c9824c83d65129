import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TokenSummary } from "@/lib/tokens/tokens";
import { NewToken } from "./new-token";
import { TokenList } from "./token-list";

const base: TokenSummary = {
  id: "6f1c1d9e-0000-4000-8000-000000000001",
  name: "backup-db",
  prefix: "fbk_AbCdEfGh",
  scopes: ["backups:write"],
  createdAt: new Date("2026-11-20T09:00:00Z"),
  createdBy: "Ada (admin@example.test)",
  lastUsedAt: null,
  revokedAt: null,
};

describe("TokenList", () => {
  it("shows each token by name, prefix and scopes, offers Revoke only on live ones", () => {
    const html = renderToStaticMarkup(
      <TokenList
        tokens={[
          base,
          { ...base, id: "6f1c1d9e-0000-4000-8000-000000000002", name: "old", createdBy: null, lastUsedAt: new Date("2026-11-21T10:00:00Z"), revokedAt: new Date("2026-11-22T11:00:00Z") },
        ]}
      />,
    );
    expect(html.match(/data-testid="token-row"/g)).toHaveLength(2);
    expect(html).toContain("fbk_AbCdEfGh…");
    expect(html).toContain("backups:write");
    expect(html).toContain("by Ada (admin@example.test)");
    expect(html).toContain("Never");
    expect(html).toContain("by the command line");
    expect(html).toMatch(/Revoked <time dateTime="2026-11-22T11:00:00.000Z">/);
    expect(html.match(/>Revoke</g)).toHaveLength(1);
  });
});

describe("NewToken", () => {
  it("shows the whole secret once, with the warning", () => {
    const html = renderToStaticMarkup(<NewToken name="backup-db" token="fbk_secret-value" onDone={() => {}} />);
    expect(html).toMatch(/data-testid="new-token"[^>]*>fbk_secret-value</);
    expect(html).toContain("will not show it again");
  });
});
