import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { BackupSystem } from "@/lib/backups/queries";
import { BackupSystemCard } from "./backup-system-card";

const renderedAt = "2026-03-01T10:00:00.000Z";
const minutesBefore = (minutes: number) => new Date(Date.parse(renderedAt) - minutes * 60_000).toISOString();

function system(lastGoodMinutesAgo: number | null, overrides: Partial<BackupSystem> = {}): BackupSystem {
  const finishedAt = lastGoodMinutesAgo === null ? null : minutesBefore(lastGoodMinutesAgo);
  return {
    id: "6d0f6f55-4c8e-4d1e-9a57-2b1b7f0c9a11",
    key: "bridge",
    name: "Bridge Infrastructure",
    lastGood: finishedAt === null ? null : {
      id: "a3c1",
      kind: "chain_data",
      status: "succeeded",
      location: "/backup/blockchain/chain_20260301_095800.tar.gz",
      sizeBytes: 1.5 * 1024 ** 3,
      checksum: "sha256:9f2c1e7b5a3d4c6e8f0a1b2c",
      finishedAt,
      encrypted: false,
      verified: false,
    },
    trend: finishedAt ? [{ finishedAt: minutesBefore(600), sizeBytes: 1024 ** 3 }, { finishedAt, sizeBytes: 1.5 * 1024 ** 3 }] : [],
    staleIncident: null,
    ...overrides,
  };
}

const render = (backupSystem: BackupSystem) => renderToStaticMarkup(<BackupSystemCard system={backupSystem} rpoSeconds={300} renderedAt={renderedAt} />);

describe("BackupSystemCard", () => {
  const verified = (minutes: number) => {
    const shown = system(minutes);
    return { ...shown, lastGood: { ...shown.lastGood!, verified: true } };
  };

  it("colours and says the age against the RPO", () => {
    expect(render(verified(2))).toContain('data-freshness="green"');
    expect(render(verified(2))).toContain("Fresh: within half the RPO");
    expect(render(system(2))).toContain("Last good backup <span class=\"font-medium tabular-nums\">2m 00s</span> ago · RPO 5 minutes");
    expect(render(system(4))).toContain('data-freshness="amber"');
    expect(render(system(4))).toContain("Ageing: within the RPO");
    expect(render(system(6))).toContain('data-freshness="red"');
    expect(render(system(6))).toContain("Stale: older than the RPO");
  });

  it("never calls an unverified backup fresh, however recent", () => {
    const html = render(system(1));
    expect(html).toContain('data-freshness="amber"');
    expect(html).toContain("Recent, not verified");
  });

  it("shows the last good backup's details and its size trend", () => {
    const html = render(system(1));
    expect(html).toContain("Chain data");
    expect(html).toContain("1.5 GiB");
    expect(html).toContain('title="sha256:9f2c1e7b5a3d4c6e8f0a1b2c">sha256:9f2c1…');
    expect(html).toContain(">Not verified<");
    expect(html).toContain('data-testid="size-trend"');
    expect(html).toContain("Last 30 days, each day’s last good backup (2 days with one): 1 GiB → 1.5 GiB");
  });

  it("links the open staleness incident", () => {
    const html = render(system(9, { staleIncident: { id: "0b5e", reference: "INC-7", title: "Backups of Bridge Infrastructure are older than the RPO" } }));
    expect(html).toContain('href="/incidents/0b5e"');
    expect(html).toContain("INC-7 Backups of Bridge Infrastructure are older than the RPO");
  });

  it("says so when a system never reported a backup", () => {
    const html = render(system(null));
    expect(html).toContain('data-freshness="none"');
    expect(html).toContain("No backups reported");
    expect(html).not.toContain("size-trend");
  });
});
