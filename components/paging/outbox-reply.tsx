"use client";

import { incidentKeys } from "@/lib/live/query-keys";
import { replyFromOutboxAction } from "@/lib/paging/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";

/** Answers an SMS page as the paged phone would: the code the SMS asks for, or any text. */
export function OutboxReply({ pageId, ackCode }: { pageId: string; ackCode: string }) {
  // The acknowledgement is the incident's change: the live stream renders the outbox again with it,
  // and again when the worker has handed the confirmation SMS over.
  return (
    <div className="mt-3 grid gap-4 border-t border-slate-100 pt-3 lg:grid-cols-[auto_1fr]">
      <ActionForm
        action={replyFromOutboxAction}
        hidden={{ pageId, body: `ACK ${ackCode}` }}
        submitLabel={`Reply ACK ${ackCode}`}
        pendingLabel="Replying…"
        testId="outbox-ack-form"
        invalidates={incidentKeys.all}
      />
      <ActionForm action={replyFromOutboxAction} hidden={{ pageId }} submitLabel="Send reply" pendingLabel="Sending…" testId="outbox-reply-form" tone="secondary" invalidates={incidentKeys.all}>
        {(state) => <Field label="Reply as this phone" name="body" id={`reply-${pageId}`} maxLength={160} autoComplete="off" state={state} />}
      </ActionForm>
    </div>
  );
}
