import "server-only";
import type { Db } from "@/lib/db/client";
import { drillDue, isDrillFrequency, type DrillFrequency } from "./schedule";

/** A schedule's frequency was checked when its YAML was imported; anything else is a bug worth an error. */
function frequencyOf(schedule: { key: string; frequency: string }): DrillFrequency {
  if (!isDrillFrequency(schedule.frequency)) throw new Error(`Drill schedule ${schedule.key} has an unknown frequency "${schedule.frequency}".`);
  return schedule.frequency;
}

/** Every drill schedule (longest drill first) with its last run and when it is next due. */
export async function listDrillSchedules(db: Db, now: Date) {
  const schedules = await db.drillSchedule.findMany({
    select: {
      id: true, key: true, frequency: true, durationSeconds: true, systems: true, createdAt: true,
      runs: { select: { id: true, performedAt: true, result: true }, orderBy: { performedAt: "desc" }, take: 1 },
    },
    orderBy: [{ durationSeconds: "desc" }, { key: "asc" }],
  });
  return schedules.map(({ runs, createdAt, ...schedule }) => {
    const frequency = frequencyOf(schedule);
    const lastRun = runs[0] ?? null;
    const due = drillDue({ frequency, createdAt }, lastRun?.performedAt ?? null, now);
    return { ...schedule, frequency, lastRun, ...due };
  });
}
export type DrillScheduleStatus = Awaited<ReturnType<typeof listDrillSchedules>>[number];

/** The schedules whose drill is overdue, most overdue first: the overview's card and the metrics. */
export async function listOverdueDrills(db: Db, now: Date) {
  const overdue = (await listDrillSchedules(db, now)).filter((schedule) => schedule.overdue);
  return overdue.sort((a, b) => a.nextDueAt.getTime() - b.nextDueAt.getTime());
}

const runFields = {
  id: true, performedAt: true, participants: true, systems: true, recoveryTimeSeconds: true, dataLossSeconds: true, result: true, notes: true, createdAt: true,
  schedule: { select: { id: true, key: true, frequency: true } },
  recordedBy: { select: { name: true } },
} as const;

/** Drill runs, newest first, with how many runbooks each launched. */
export async function listDrillRuns(db: Db, { scheduleId, take = 100 }: { scheduleId?: string; take?: number } = {}) {
  const runs = await db.drillRun.findMany({
    where: scheduleId === undefined ? {} : { scheduleId },
    select: { ...runFields, _count: { select: { runs: true } } },
    orderBy: [{ performedAt: "desc" }, { createdAt: "desc" }],
    take,
  });
  return runs.map(({ _count, ...run }) => ({ ...run, runbookRunCount: _count.runs }));
}
export type DrillRunSummary = Awaited<ReturnType<typeof listDrillRuns>>[number];

/** One drill run, with the runbook runs launched in drill mode as part of it (newest first). */
export async function getDrillRun(db: Db, id: string) {
  return db.drillRun.findUnique({
    where: { id },
    select: {
      ...runFields,
      runs: {
        select: { id: true, status: true, requestedAt: true, finishedAt: true, runbook: { select: { key: true, title: true } } },
        orderBy: { requestedAt: "desc" },
      },
    },
  });
}
export type DrillRunDetail = NonNullable<Awaited<ReturnType<typeof getDrillRun>>>;
