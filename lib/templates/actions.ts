"use server";

import { defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { templateKeySchema, saveTemplateSchema } from "./schemas";
import { resetTemplate, saveTemplate } from "./service";

export const saveTemplateAction = defineAction({
  name: "templates.save",
  role: "admin",
  input: saveTemplateSchema,
  async run(input, { user }) {
    await saveTemplate(db, input, user);
  },
  message: "Template saved.",
});

export const resetTemplateAction = defineAction({
  name: "templates.reset",
  role: "admin",
  input: templateKeySchema,
  async run(input, { user }) {
    await resetTemplate(db, input, user);
  },
  message: "Back to the plan's text.",
});
