"use server";

import { defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { setStalenessSettings, stalenessSettingsSchema } from "./staleness-settings";

export const updateStalenessSettingsAction = defineAction({
  name: "backups.staleness-settings",
  role: "admin",
  input: stalenessSettingsSchema,
  async run(input, { user }) {
    await setStalenessSettings(db, input, user);
    return input.severityKey;
  },
  message: (severityKey) => `Backups older than the RPO now open ${severityKey} incidents.`,
});
