"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { restoreRevision } from "@/lib/postmortems/document/restore";

export const restoreRevisionAction = defineAction({
  name: "postmortems.restore-revision",
  role: "responder",
  input: z.object({
    postmortemId: z.uuid("Post-mortem must be a post-mortem's id"),
    number: z.coerce
      .number("Revision must be a revision number")
      .int("Revision must be a whole number")
      .min(1, "Revision must be at least 1"),
  }),
  async run(input, { user }) {
    const number = await restoreRevision(db, input.postmortemId, input.number, { id: user.id, email: user.email, name: user.name });
    return { number, restoredFrom: input.number };
  },
  message: ({ number, restoredFrom }) => `Revision ${restoredFrom} restored as revision ${number}.`,
});
