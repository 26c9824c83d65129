import { recordAudit } from "@/lib/timeline/audit";
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import type { RecordDrillInput } from "./schemas";

export interface DrillActor {
  id: string;
  email: string;
}

const refused = (field: string, message: string) => new DomainError("Some fields need attention.", { [field]: [message] });

/** Records a drill that was performed: the run and its audit entry in one transaction, or nothing. */
export async function recordDrillRun(db: Db, input: RecordDrillInput, actor: DrillActor, now = new Date()): Promise<{ id: string }> {
  if (input.performedAt.getTime() > now.getTime()) throw refused("performedAt", "Performed at cannot be in the future");
  return db.$transaction(async (tx) => {
    const schedule = await tx.drillSchedule.findUnique({ where: { id: input.scheduleId }, select: { id: true, key: true } });
    if (!schedule) throw refused("scheduleId", "Schedule: that drill schedule does not exist");
    const known = new Set((await tx.system.findMany({ where: { key: { in: input.systems } }, select: { key: true } })).map((system) => system.key));
    const unknown = input.systems.filter((key) => !known.has(key));
    if (unknown.length > 0) throw refused("systems", `Systems: ${unknown.join(", ")} ${unknown.length === 1 ? "is not a system" : "are not systems"} in the catalogue`);

    const run = await tx.drillRun.create({
      data: {
        scheduleId: schedule.id,
        performedAt: input.performedAt,
        participants: input.participants,
        systems: input.systems,
        recoveryTimeSeconds: input.recoveryTimeSeconds,
        dataLossSeconds: input.dataLossSeconds,
        result: input.result,
        notes: input.notes,
        recordedById: actor.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: actor,
      action: "drill.recorded",
      targetType: "drill_run",
      targetId: run.id,
      data: {
        schedule: schedule.key,
        performedAt: input.performedAt.toISOString(),
        result: input.result,
        systems: input.systems,
        participants: input.participants.length,
        recoveryTimeSeconds: input.recoveryTimeSeconds,
        dataLossSeconds: input.dataLossSeconds,
      },
    });
    return run;
  });
}
