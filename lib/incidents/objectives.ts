import { z } from "zod";
import type { Db, Tx } from "@/lib/db/client";
import type { Actor, SystemActor } from "@/lib/timeline/actor";
import { recordAudit } from "@/lib/timeline/audit";
import { publishChange } from "@/lib/live/publish";
import { PLAN_OBJECTIVES, type Objectives } from "./rules";

const OBJECTIVES_KEY = "recovery.objectives";

const seconds = (label: string) =>
  z.coerce.number(`${label} must be a number`).int(`${label} must be whole seconds`).min(1, `${label} must be positive`).max(30 * 86_400, `${label} must be at most 30 days`);

export const objectivesSchema = z
  .object({ rtoSeconds: seconds("RTO"), rpoSeconds: seconds("RPO"), mtdSeconds: seconds("MTD") })
  .refine((value) => value.mtdSeconds >= value.rtoSeconds, { path: ["mtdSeconds"], message: "MTD cannot be shorter than the RTO" });

export async function getObjectives(db: Db | Tx): Promise<Objectives> {
  const setting = await db.setting.findUnique({ where: { key: OBJECTIVES_KEY }, select: { value: true } });
  const parsed = objectivesSchema.safeParse(setting?.value);
  return parsed.success ? parsed.data : PLAN_OBJECTIVES;
}

export async function setObjectives(db: Db, objectives: Objectives, actor: Actor | SystemActor): Promise<void> {
  await db.$transaction(async (tx) => {
    const value = { ...objectives };
    await tx.setting.upsert({ where: { key: OBJECTIVES_KEY }, create: { key: OBJECTIVES_KEY, value }, update: { value } });
    await recordAudit(tx, { actor, action: "settings.objectives_changed", targetType: "setting", targetId: OBJECTIVES_KEY, data: value });
    await publishChange(tx, { topic: "settings" });
  });
}
