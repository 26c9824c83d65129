"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { previewRun } from "./preview";
import { approveRun, cancelRun, rejectRun, requestRun } from "./requests";

const actor = (user: SessionUser) => ({ id: user.id, email: user.email, name: user.name, role: user.role });

// A launch form posts `runbookKey`, an optional `incidentId`, and one `parameters.<name>` field per parameter.
const launchSchema = z
  .looseObject({
    runbookKey: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, "must be a runbook key"),
    incidentId: z.union([z.uuid("must be an incident id"), z.literal("")]).optional(),
  })
  .transform(({ runbookKey, incidentId, ...rest }) => ({
    runbookKey,
    incidentId: incidentId || null,
    parameters: Object.fromEntries(Object.entries(rest).flatMap(([key, value]) => (key.startsWith("parameters.") ? [[key.slice("parameters.".length), value]] : []))),
  }));

const runSchema = z.object({ runId: z.uuid("must be a run id") });

/** Shows exactly what would run, after the same checks as a launch; runs nothing. */
export const previewRunAction = defineAction({
  name: "runbooks.preview",
  role: "responder",
  input: launchSchema,
  run: (input, { user }) => previewRun(db, input, actor(user)),
});

export const requestRunAction = defineAction({
  name: "runbooks.request",
  role: "responder",
  input: launchSchema,
  run: (input, { user }) => requestRun(db, input, actor(user)),
  message: (run) => (run.status === "awaiting_approval" ? "Requested: waiting for a second commander's approval." : "Started."),
});

export const approveRunAction = defineAction({
  name: "runbooks.approve",
  role: "commander",
  input: runSchema,
  run: (input, { user }) => approveRun(db, input.runId, actor(user)),
  message: "Approved: the run starts now.",
});

export const rejectRunAction = defineAction({
  name: "runbooks.reject",
  role: "commander",
  input: runSchema,
  run: (input, { user }) => rejectRun(db, input.runId, actor(user)),
  message: "Rejected.",
});

/** Whoever requested a run may stop it; so may any commander or admin. */
export const cancelRunAction = defineAction({
  name: "runbooks.cancel",
  role: "responder",
  input: runSchema,
  async run(input, { user }) {
    const run = await db.runbookRun.findUnique({ where: { id: input.runId }, select: { requestedById: true } });
    if (!run) throw new DomainError("That run does not exist.");
    if (run.requestedById !== user.id && user.role !== "commander" && user.role !== "admin") {
      throw new DomainError("Only whoever requested this run, or a commander, can cancel it.");
    }
    await cancelRun(db, input.runId, actor(user));
  },
  message: "Cancelling: the step in progress is being stopped.",
});
