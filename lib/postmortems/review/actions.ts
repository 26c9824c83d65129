"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { publishPostmortem, reopenPostmortem, setApproval, setReviewers, submitForReview } from "./workflow";

const actor = (user: SessionUser) => ({ id: user.id, email: user.email, name: user.name });

const postmortemIdSchema = z.object({ postmortemId: z.uuid("Post-mortem must be a post-mortem's id") });

export const setReviewersAction = defineAction({
  name: "postmortems.reviewers",
  role: "commander",
  input: postmortemIdSchema.extend({
    reviewerIds: z.preprocess(
      (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
      z.array(z.uuid("Reviewers must be users"), "Reviewers must be a list").max(20, "Name at most 20 reviewers"),
    ),
  }),
  async run(input, { user }) {
    await setReviewers(db, input.postmortemId, input.reviewerIds, actor(user));
  },
  message: "Reviewers saved.",
});

export const submitForReviewAction = defineAction({
  name: "postmortems.submit",
  role: "responder",
  input: postmortemIdSchema,
  async run(input, { user }) {
    await submitForReview(db, input.postmortemId, actor(user));
  },
  message: "Sent for review.",
});

export const setApprovalAction = defineAction({
  name: "postmortems.approve",
  role: "responder",
  input: postmortemIdSchema.extend({ approved: z.enum(["true", "false"], "Approved must be true or false").transform((value) => value === "true") }),
  async run(input, { user }) {
    await setApproval(db, input.postmortemId, input.approved, actor(user));
  },
  message: "Review recorded.",
});

export const publishPostmortemAction = defineAction({
  name: "postmortems.publish",
  role: "commander",
  input: postmortemIdSchema,
  run: (input, { user }) => publishPostmortem(db, input.postmortemId, actor(user)),
  message: ({ notified }) => `Published. ${notified === 1 ? "1 stakeholder" : `${notified} stakeholders`} emailed.`,
});

export const reopenPostmortemAction = defineAction({
  name: "postmortems.reopen",
  role: "commander",
  input: postmortemIdSchema,
  async run(input, { user }) {
    await reopenPostmortem(db, input.postmortemId, actor(user));
  },
  message: "Reopened as a draft.",
});
