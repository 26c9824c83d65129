"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { postmortemTemplateSchema, setPostmortemTemplate } from "./template";

// A refused template comes back as fieldErrors.text, one message per problem, and nothing is saved.
export const savePostmortemTemplateAction = defineAction({
  name: "postmortems.template.save",
  role: "admin",
  input: z.object({ text: postmortemTemplateSchema }),
  async run({ text }, { user }) {
    await setPostmortemTemplate(db, text, user);
  },
  message: "Template saved: new post-mortems start from it.",
});
