import { z } from "zod";
import type { Actor, SystemActor } from "@/lib/timeline/actor";
import { recordAudit } from "@/lib/timeline/audit";
import type { Db, Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { publishChange } from "@/lib/live/publish";

const STALENESS_KEY = "backups.staleness";

export const stalenessSettingsSchema = z.object({
  severityKey: z.string("Severity is required").trim().min(1, "Severity is required").max(50, "Severity must be at most 50 characters"),
});

export type StalenessSettings = z.output<typeof stalenessSettingsSchema>;

/** The plan's "major component failure": backups past the RPO put recovery at risk, but nothing is down yet. */
export const DEFAULT_STALENESS_SETTINGS: StalenessSettings = { severityKey: "high" };

export async function getStalenessSettings(db: Db | Tx): Promise<StalenessSettings> {
  const setting = await db.setting.findUnique({ where: { key: STALENESS_KEY }, select: { value: true } });
  const parsed = stalenessSettingsSchema.safeParse(setting?.value);
  return parsed.success ? parsed.data : DEFAULT_STALENESS_SETTINGS;
}

export async function setStalenessSettings(db: Db, settings: StalenessSettings, actor: Actor | SystemActor): Promise<void> {
  await db.$transaction(async (tx) => {
    const severity = await tx.severityLevel.findUnique({ where: { key: settings.severityKey }, select: { id: true } });
    if (!severity) throw new DomainError("Some fields need attention.", { severityKey: ["Severity must be one of the configured severity levels"] });
    const value = { ...settings };
    await tx.setting.upsert({ where: { key: STALENESS_KEY }, create: { key: STALENESS_KEY, value }, update: { value } });
    await recordAudit(tx, { actor, action: "settings.backup_staleness_changed", targetType: "setting", targetId: STALENESS_KEY, data: value });
    await publishChange(tx, { topic: "settings" });
  });
}

/**
 * The severity a staleness incident is opened with: the configured one, or the most severe level
 * if that one has since been removed from the plan (better too loud than silent).
 */
export async function stalenessSeverity(tx: Tx): Promise<{ id: string; key: string }> {
  const { severityKey } = await getStalenessSettings(tx);
  const configured = await tx.severityLevel.findUnique({ where: { key: severityKey }, select: { id: true, key: true } });
  return configured ?? tx.severityLevel.findFirstOrThrow({ orderBy: { rank: "asc" }, select: { id: true, key: true } });
}
