"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { setAlertMapping } from "./mapping";
import { alertMappingFormSchema } from "./mapping-form";

export const updateAlertMappingAction = defineAction({
  name: "settings.alert_mapping",
  role: "admin",
  input: alertMappingFormSchema,
  async run(input, { user }) {
    // Severities and systems are the catalogue's, checked now so that alerts never meet a name that means nothing.
    const [severities, system] = await Promise.all([
      db.severityLevel.findMany({ select: { key: true } }),
      input.defaultSystem ? db.system.findUnique({ where: { key: input.defaultSystem }, select: { id: true } }) : null,
    ]);
    const known = new Set(severities.map((severity) => severity.key));
    const unknown = [...new Set(Object.values(input.severityMap))].filter((key) => !known.has(key));
    const choices = [...known].join(", ");
    const fieldErrors: Record<string, string[]> = {};
    if (unknown.length > 0) fieldErrors.severityMap = [`Unknown severity ${unknown.map((key) => `"${key}"`).join(", ")}: use ${choices}`];
    if (!known.has(input.defaultSeverity)) fieldErrors.defaultSeverity = [`Choose one of ${choices}`];
    if (input.defaultSystem && !system) fieldErrors.defaultSystem = ["Choose a system from the catalogue"];
    if (Object.keys(fieldErrors).length > 0) throw new DomainError("Some fields need attention.", fieldErrors);

    await setAlertMapping(db, input, { id: user.id, label: user.email });
    revalidatePath("/settings/alerts");
  },
  message: "Alert mapping saved.",
});
