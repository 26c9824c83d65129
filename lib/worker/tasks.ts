import { authTasks } from "@/lib/auth/tasks";
import { backupTasks } from "@/lib/backups/tasks";
import { demoTasks } from "@/lib/demo/tasks";
import { incidentTasks } from "@/lib/incidents/tasks";
import type { AnyTask } from "@/lib/jobs/registry";
import { pagingTasks } from "@/lib/paging/tasks";
import { runbookTasks } from "@/lib/runbooks/tasks";

/** Every task Firebreak's worker runs, from the domains that declare them. */
export const firebreakTasks: readonly AnyTask[] = [...incidentTasks, ...pagingTasks, ...runbookTasks, ...backupTasks, ...demoTasks, ...authTasks];
