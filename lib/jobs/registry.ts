import type { TaskList } from "graphile-worker";
import type { z } from "zod";
import type { Db } from "@/lib/db/client";

// Each domain declares its jobs (a name and a payload) beside the code that queues them, and its
// tasks (what the worker does with a job) in its tasks.ts; lib/worker puts the tasks together.

/** A kind of job: its name in the queue and the payload it carries. Queuing one needs only this. */
export interface Job<Payload> {
  readonly name: string;
  readonly payload: z.ZodType<Payload>;
}

export const defineJob = <Payload>(name: string, payload: z.ZodType<Payload>): Job<Payload> => ({ name, payload });

/**
 * Which of the worker's runners takes a task. Each has its own slots, so work stuck in one cannot
 * starve another: a provider that hangs holds page sends, not the escalation steps falling due.
 */
export type Lane = "pages" | "runbooks" | "control";

/** What the worker does with a job, on which lane, and when it also runs on a schedule. */
export interface Task<Payload> {
  readonly job: Job<Payload>;
  readonly lane: Lane;
  /** Crontab time fields ("* * * * *"): the task also runs on this schedule, once across the fleet. */
  readonly schedule?: string;
  run(db: Db, payload: Payload): Promise<void>;
}

export const defineTask = <Payload>(task: Task<Payload>): Task<Payload> => task;

/** Tasks of any payloads side by side: each one's payload is parsed by its own schema before it runs. */
export type AnyTask = Task<unknown>;

/** graphile-worker's task list: every job's payload parsed with its schema before its task runs. */
export function taskList(db: Db, tasks: readonly AnyTask[]): TaskList {
  return Object.fromEntries(tasks.map((task) => [task.job.name, (payload: unknown) => task.run(db, task.job.payload.parse(payload))]));
}

/** The crontab of the scheduled tasks among these. */
export const crontab = (tasks: readonly AnyTask[]) =>
  tasks
    .filter((task) => task.schedule)
    .map((task) => `${task.schedule} ${task.job.name}`)
    .join("\n");
