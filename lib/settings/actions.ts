"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { setObjectives } from "@/lib/incidents/objectives";

const minutes = (label: string) =>
  z.coerce
    .number(`${label} must be a number of minutes`)
    .int(`${label} must be whole minutes`)
    .min(1, `${label} must be at least 1 minute`)
    .max(30 * 24 * 60, `${label} must be at most 30 days`);

// The form speaks minutes; the domain keeps seconds.
const objectivesFormSchema = z
  .object({ rtoMinutes: minutes("RTO"), rpoMinutes: minutes("RPO"), mtdMinutes: minutes("MTD") })
  .refine((value) => value.mtdMinutes >= value.rtoMinutes, { path: ["mtdMinutes"], message: "MTD cannot be shorter than the RTO" });

export const updateObjectivesAction = defineAction({
  name: "settings.objectives",
  role: "admin",
  input: objectivesFormSchema,
  async run(input, { user }) {
    await setObjectives(
      db,
      { rtoSeconds: input.rtoMinutes * 60, rpoSeconds: input.rpoMinutes * 60, mtdSeconds: input.mtdMinutes * 60 },
      user,
    );
  },
  message: "Recovery objectives saved.",
});
