"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { requestRun } from "@/lib/runbooks/requests";
import { recordDrillRun } from "./record";
import { recordDrillSchema } from "./schemas";

const actor = (user: SessionUser) => ({ id: user.id, email: user.email, name: user.name, role: user.role });

export const recordDrillRunAction = defineAction({
  name: "drills.record",
  role: "responder",
  input: recordDrillSchema,
  // A drill run publishes no live change: the page that shows it is rendered again with the answer.
  async run(input, { user }) {
    const run = await recordDrillRun(db, input, actor(user));
    revalidatePath("/drills");
    return run;
  },
  message: "Drill run recorded.",
});

// The runbook launcher's fields (`runbookKey`, one `parameters.<name>` each) plus the drill run it is part of.
const drillLaunchSchema = z
  .looseObject({
    drillRunId: z.uuid("Drill run: must be a drill run id"),
    runbookKey: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, "must be a runbook key"),
  })
  .transform(({ drillRunId, runbookKey, ...rest }) => ({
    drillRunId,
    runbookKey,
    parameters: Object.fromEntries(Object.entries(rest).flatMap(([key, value]) => (key.startsWith("parameters.") ? [[key.slice("parameters.".length), value]] : []))),
  }));

/** Launches a runbook in drill mode: part of the drill run, on no incident; the runbook's role and approval rules apply as ever. */
export const launchDrillRunbookAction = defineAction({
  name: "drills.launch-runbook",
  role: "responder",
  input: drillLaunchSchema,
  run: (input, { user }) => requestRun(db, input, actor(user)),
  message: (run) => (run.status === "awaiting_approval" ? "Requested in drill mode: waiting for a second commander's approval." : "Started in drill mode."),
});
