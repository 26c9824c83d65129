"use client";

import { createContactAction } from "@/lib/people/actions";
import { ActionForm } from "@/components/ui/action-form";
import { ContactFields } from "./contact-fields";

export function CreateContactForm() {
  return (
    <ActionForm action={createContactAction} submitLabel="Add contact" pendingLabel="Adding…" testId="create-contact-form">
      {(state) => <ContactFields idPrefix="new-contact" state={state} />}
    </ActionForm>
  );
}
