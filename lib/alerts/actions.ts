"use server";

import { defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { mappingCatalogueErrors, setAlertMapping } from "./mapping";
import { alertMappingFormSchema } from "./mapping-form";

export const updateAlertMappingAction = defineAction({
  name: "settings.alert-mapping",
  role: "admin",
  input: alertMappingFormSchema,
  async run(input, { user }) {
    const fieldErrors = await mappingCatalogueErrors(db, input);
    if (Object.keys(fieldErrors).length > 0) throw new DomainError("Some fields need attention.", fieldErrors);
    await setAlertMapping(db, input, user);
  },
  message: "Alert mapping saved.",
});
