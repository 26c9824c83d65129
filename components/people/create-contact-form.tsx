"use client";

import { createContactAction } from "@/lib/people/actions";
import { ActionForm } from "@/components/ui/action-form";
import { ContactFields } from "./contact-fields";
import { settingsKeys } from "@/lib/live/query-keys";

export function CreateContactForm() {
  return (
    <ActionForm invalidates={settingsKeys.all} action={createContactAction} submitLabel="Add contact" pendingLabel="Adding…" testId="create-contact-form">
      {(state) => <ContactFields idPrefix="new-contact" state={state} />}
    </ActionForm>
  );
}
