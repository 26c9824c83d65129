"use client";

import { deleteContactAction, updateContactAction } from "@/lib/people/actions";
import { ActionForm } from "@/components/ui/action-form";
import { ContactFields, type ContactValues } from "./contact-fields";
import { settingsKeys } from "@/lib/live/query-keys";

/** An admin's edit and remove controls for one contact, folded away until opened. */
export function EditContact({ contact, emergencyKey }: { contact: ContactValues & { id: string }; emergencyKey: string | null }) {
  const { id, ...values } = contact;
  return (
    <details className="mt-2 rounded-md border border-slate-200 p-3" data-testid={`edit-contact-${contact.email}`}>
      <summary className="cursor-pointer text-sm font-medium">Edit {contact.name}</summary>
      <div className="mt-3 grid gap-4">
        {emergencyKey && (
          <p className="text-xs text-slate-600">
            The {emergencyKey} contact in config/emergency-contacts.yml: importing that file again sets what it lists there.
          </p>
        )}
        <ActionForm invalidates={settingsKeys.all} action={updateContactAction} submitLabel="Save contact" pendingLabel="Saving…" testId={`update-contact-${id}`} hidden={{ contactId: id }}>
          {/* Keyed on what is saved, so the fields show the saved values once the page is refreshed. */}
          {(state) => <ContactFields key={JSON.stringify(values)} idPrefix={`contact-${id}`} state={state} values={values} />}
        </ActionForm>
        <ActionForm invalidates={settingsKeys.all}
          action={deleteContactAction}
          submitLabel={`Remove ${contact.name}`}
          pendingLabel="Removing…"
          testId={`delete-contact-${id}`}
          hidden={{ contactId: id }}
          tone="secondary"
        />
      </div>
    </details>
  );
}
