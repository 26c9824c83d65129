"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { createPostmortem } from "./create";
import { saveSections, saveSectionsSchema } from "./save";

const actor = (user: SessionUser) => ({ id: user.id, email: user.email, name: user.name });

export const createPostmortemAction = defineAction({
  name: "postmortems.create",
  role: "responder",
  input: z.object({ incidentId: z.uuid("Incident must be an incident's id") }),
  run: (input, { user }) => createPostmortem(db, input.incidentId, actor(user)),
  message: (result) => (result.created ? "Post-mortem started from the template." : "This incident already has a post-mortem."),
});

// Autosave: a refused (conflicting) save is an answer, not an error, so it comes back as data.
export const saveSectionsAction = defineAction({
  name: "postmortems.save",
  role: "responder",
  input: saveSectionsSchema,
  run: (input, { user }) => saveSections(db, input, actor(user)),
});
