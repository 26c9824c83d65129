"use client";

import { useRef, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { controlClass, FieldFrame } from "@/components/ui/field";
import { useTimeZone } from "@/components/ui/timestamp";
import type { ActionResult } from "@/lib/actions/define-action";
import { formatTimestamp } from "@/lib/format/time";
import { resetTemplateAction, saveTemplateAction } from "@/lib/templates/actions";
import type { TemplateChannel, TemplateKind } from "@/lib/templates/kinds";
import type { PlaceholderName, PlaceholderValues } from "@/lib/templates/placeholders";
import { findUnknownPlaceholders, renderTemplate } from "@/lib/templates/render";
import { PlaceholderList } from "./placeholder-list";
import { SmsSegments } from "./sms-segments";
import { TemplatePreview } from "./template-preview";
import { settingsKeys } from "@/lib/live/query-keys";

export interface EditorTemplate {
  subject: string | null;
  body: string;
  customised: boolean;
  /** ISO time of the last save; null while the plan's text applies. */
  updatedAt: string | null;
}

interface TemplateEditorProps {
  kind: TemplateKind;
  channel: TemplateChannel;
  template: EditorTemplate;
  values: PlaceholderValues;
  previewCaption: string;
  canEdit: boolean;
}

type State = ActionResult<unknown> | null;

/** The field's error: what is wrong with the text as typed, else what the last save said. */
function fieldState(state: State, field: string, live: string[]): State {
  if (live.length > 0) return { ok: false, error: "", fieldErrors: { [field]: live } };
  return state;
}

const sameTemplate = (a: EditorTemplate, b: EditorTemplate) => a.subject === b.subject && a.body === b.body && a.updatedAt === b.updatedAt;

export function TemplateEditor({ kind, channel, template, values, previewCaption, canEdit }: TemplateEditorProps) {
  const zone = useTimeZone();
  const id = `${kind}-${channel}`;
  const [shown, setShown] = useState(template);
  const [subject, setSubject] = useState(template.subject ?? "");
  const [body, setBody] = useState(template.body);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  // A save or reset (here or by another admin) re-renders the page with the template now in force.
  if (!sameTemplate(shown, template)) {
    setShown(template);
    setSubject(template.subject ?? "");
    setBody(template.body);
  }

  const insert = (name: PlaceholderName) => {
    const textarea = bodyRef.current;
    const token = `{{${name}}}`;
    const start = textarea?.selectionStart ?? body.length;
    const end = textarea?.selectionEnd ?? body.length;
    setBody(body.slice(0, start) + token + body.slice(end));
    requestAnimationFrame(() => {
      textarea?.focus();
      textarea?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const fields = (state: State) => (
    <>
      {channel === "email" && (
        <FieldFrame id={`${id}-subject`} name="subject" label="Subject" state={fieldState(state, "subject", findUnknownPlaceholders(subject))}>
          {(control) => <input name="subject" className={controlClass} value={subject} onChange={(event) => setSubject(event.target.value)} readOnly={!canEdit} {...control} />}
        </FieldFrame>
      )}
      <FieldFrame id={`${id}-body`} name="body" label="Body" state={fieldState(state, "body", findUnknownPlaceholders(body))}>
        {(control) => (
          <textarea
            ref={bodyRef}
            name="body"
            rows={channel === "sms" ? 5 : 10}
            className={`${controlClass} font-mono`}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            readOnly={!canEdit}
            {...control}
          />
        )}
      </FieldFrame>
      <PlaceholderList onInsert={canEdit ? insert : undefined} />
      <TemplatePreview subject={channel === "email" ? subject : null} body={body} values={values} caption={previewCaption} testId={`template-preview-${id}`} />
      {channel === "sms" && <SmsSegments text={renderTemplate(body, values)} testId={`sms-segments-${kind}`} />}
    </>
  );

  const status = (
    <p className="text-xs text-slate-600" data-testid={`template-state-${id}`}>
      {template.customised && template.updatedAt ? `Customised, saved ${formatTimestamp(template.updatedAt, zone)}` : "The plan's text"}
    </p>
  );

  if (!canEdit) {
    return (
      <div className="flex flex-col gap-3" data-testid={`template-editor-${id}`}>
        {status}
        {fields(null)}
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      {status}
      <ActionForm invalidates={settingsKeys.all} action={saveTemplateAction} submitLabel="Save template" pendingLabel="Saving…" testId={`template-editor-${id}`} hidden={{ kind, channel }}>
        {fields}
      </ActionForm>
      {template.customised && (
        <ActionForm invalidates={settingsKeys.all}
          action={resetTemplateAction}
          submitLabel="Use the plan's text"
          pendingLabel="Resetting…"
          testId={`template-reset-${id}`}
          hidden={{ kind, channel }}
          tone="secondary"
        />
      )}
    </div>
  );
}
