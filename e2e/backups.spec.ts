import { randomUUID } from "node:crypto";
import { test, expect } from "./fixtures";
import { submitServerAction } from "./support/actions";
import { storageStatePath } from "./support/auth";
import type { TestDatabase } from "./support/database";
import { formatDuration } from "@/lib/config/duration";

const GIB = 1024 ** 3;
const CHECKSUM = "sha256:4e1243bd22c66e76c2ba9eddc1f91394e57f9f83";

interface SeededBackup {
  /** How long before now it finished, as a share of the RPO. */
  ageInRpos: number;
  sizeBytes: number;
  status?: "succeeded" | "failed";
  verified?: boolean;
}

/** A system of this test's own, with backups reported at known ages; removed with what it caused afterwards. */
async function seedSystem(db: TestDatabase, key: string, backups: SeededBackup[], rpoSeconds: number) {
  const id = randomUUID();
  const name = `Backups ${key}`;
  await db.query(`INSERT INTO "System" (id, key, name, "createdAt", "updatedAt") VALUES ($1, $2, $3, now(), now())`, [id, key, name]);
  for (const backup of backups) {
    await db.query(
      `INSERT INTO "BackupReport" (id, "systemId", kind, status, location, "sizeBytes", checksum, "startedAt", "finishedAt", encrypted, verified)
       VALUES ($1, $2, 'database', $3::"BackupStatus", $4, $5, $6, $7::timestamptz - interval '10 minutes', $7::timestamptz, true, $8)`,
      [
        randomUUID(),
        id,
        backup.status ?? "succeeded",
        `/backup/database/${key}_${backup.ageInRpos}.sql.gz`,
        Math.round(backup.sizeBytes),
        CHECKSUM,
        new Date(Date.now() - backup.ageInRpos * rpoSeconds * 1000).toISOString(),
        backup.verified ?? true,
      ],
    );
  }
  return { id, key, name };
}

async function rpoSeconds(db: TestDatabase): Promise<number> {
  const [row] = await db.query<{ value: { rpoSeconds?: number } }>(`SELECT value FROM "Setting" WHERE key = 'recovery.objectives'`);
  return row?.value.rpoSeconds ?? 300;
}

test.describe("the Backups page", () => {
  const systemIds: string[] = [];

  test.afterEach(async ({ db }) => {
    // The freshness job may have opened an incident for a stale system in the meantime.
    await db.query(`DELETE FROM "Incident" WHERE id IN (SELECT "incidentId" FROM "BackupStaleness" WHERE "systemId" = ANY($1::uuid[]))`, [systemIds]);
    await db.query(`DELETE FROM "System" WHERE id = ANY($1::uuid[])`, [systemIds]);
    systemIds.length = 0;
  });

  test.use({ storageState: storageStatePath("admin") });

  test("shows each system's last good backup against the RPO, its verification, size trend and failed reports", async ({ page, db, uniqueName }) => {
    const rpo = await rpoSeconds(db);
    const fresh = await seedSystem(
      db,
      uniqueName("fresh"),
      [
        { ageInRpos: 864, sizeBytes: 1 * GIB },
        { ageInRpos: 576, sizeBytes: 1.2 * GIB },
        { ageInRpos: 288, sizeBytes: 1.3 * GIB },
        { ageInRpos: 0.5, sizeBytes: 0.2 * GIB, status: "failed", verified: false },
        { ageInRpos: 0.1, sizeBytes: 1.5 * GIB },
      ],
      rpo,
    );
    const ageing = await seedSystem(db, uniqueName("ageing"), [{ ageInRpos: 0.75, sizeBytes: 2 * GIB }], rpo);
    const stale = await seedSystem(db, uniqueName("stale"), [{ ageInRpos: 3, sizeBytes: 3 * GIB, verified: false }], rpo);
    const never = await seedSystem(db, uniqueName("never"), [], rpo);
    systemIds.push(fresh.id, ageing.id, stale.id, never.id);

    await page.goto("/backups");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Backups");
    const card = (key: string) => page.locator(`[data-testid="backup-system"][data-system="${key}"]`);

    const freshCard = card(fresh.key);
    await expect(freshCard).toHaveAttribute("data-freshness", "green");
    await expect(freshCard.getByRole("heading", { level: 3 })).toHaveText(fresh.name);
    await expect(freshCard.getByTestId("backup-freshness")).toHaveText("Fresh: within half the RPO");
    await expect(freshCard.getByTestId("backup-age")).toContainText(`ago · RPO ${formatDuration(rpo)}`);
    await expect(freshCard.getByTestId("backup-verified")).toHaveText("Verified");
    await expect(freshCard).toContainText("1.5 GiB");
    await expect(freshCard).toContainText(`/backup/database/${fresh.key}_0.1.sql.gz`);
    await expect(freshCard.getByTitle(CHECKSUM)).toHaveText("sha256:4e124…");
    // One point a day; the failed report is not a good backup, so today's point is the later success.
    await expect(freshCard.getByTestId("size-trend-summary")).toHaveText("Last 30 days, each day’s last good backup (4 days with one): 1 GiB → 1.5 GiB");
    await expect(freshCard.getByTestId("size-trend").locator("svg.recharts-surface")).toBeVisible();

    await expect(card(ageing.key)).toHaveAttribute("data-freshness", "amber");
    await expect(card(ageing.key).getByTestId("backup-freshness")).toHaveText("Ageing: within the RPO");

    await expect(card(stale.key)).toHaveAttribute("data-freshness", "red");
    await expect(card(stale.key).getByTestId("backup-freshness")).toHaveText("Stale: older than the RPO");
    await expect(card(stale.key).getByTestId("backup-verified")).toHaveText("Not verified");

    await expect(card(never.key)).toHaveAttribute("data-freshness", "none");
    await expect(card(never.key).getByTestId("backup-age")).toHaveText("No backups reported");
    await expect(card(never.key).getByTestId("size-trend")).toHaveCount(0);

    const reports = page.getByTestId("backup-report").filter({ hasText: fresh.name });
    const failed = reports.filter({ hasText: "Failed" });
    await expect(failed).toHaveCount(1);
    await expect(failed).toHaveAttribute("data-status", "failed");
    await expect(failed.getByTestId("backup-verified")).toHaveText("Not verified");
  });

  test("an admin chooses the severity of stale-backup incidents", async ({ page, db }) => {
    const [before] = await db.query<{ value: unknown }>(`SELECT value FROM "Setting" WHERE key = 'backups.staleness'`);
    try {
      await page.goto("/backups");
      const form = page.getByTestId("staleness-settings-form");
      await form.getByLabel("Severity of a stale-backup incident").selectOption("critical");
      await submitServerAction(page, () => form.getByRole("button", { name: "Save severity" }).click());
      await expect(page.getByTestId("staleness-settings-form-status")).toHaveText("Backups older than the RPO now open critical incidents.");
      await expect(page.getByTestId("staleness-summary")).toContainText("critical incident");
      await expect(form.getByLabel("Severity of a stale-backup incident")).toHaveValue("critical");
      const [after] = await db.query<{ value: unknown }>(`SELECT value FROM "Setting" WHERE key = 'backups.staleness'`);
      expect(after?.value).toEqual({ severityKey: "critical" });
      expect(await db.countAuditEntries({ action: "settings.backup_staleness_changed", targetId: "backups.staleness" })).toBeGreaterThan(0);
    } finally {
      if (before) await db.query(`UPDATE "Setting" SET value = $1 WHERE key = 'backups.staleness'`, [JSON.stringify(before.value)]);
      else await db.query(`DELETE FROM "Setting" WHERE key = 'backups.staleness'`);
    }
  });
});

test.describe("on a phone", () => {
  test.use({ storageState: storageStatePath("admin"), viewport: { width: 390, height: 844 } });

  test("the page is no wider than the screen; the reports table scrolls inside itself", async ({ page }) => {
    await page.goto("/backups");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Backups");
    await expect(page.getByTestId("backup-system").first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("the page is readable, the staleness severity is not editable", async ({ page }) => {
    await page.goto("/backups");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Backups");
    await expect(page.getByTestId("staleness-settings-form")).toHaveCount(0);
    await expect(page.getByRole("region", { name: "When backups are stale" })).toContainText("Only admins change this severity.");
  });
});
