"use client";

import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { controlClass } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/define-action";
import { savePostmortemTemplateAction } from "@/lib/postmortems/template/actions";
import { DEFAULT_POSTMORTEM_TEMPLATE, isActionItemsHeading, POSTMORTEM_PLACEHOLDERS, postmortemTemplateSchema, splitSections } from "@/lib/postmortems/template/template";
import { settingsKeys } from "@/lib/live/query-keys";

type State = ActionResult<unknown> | null;

const TEXT_ID = "postmortem-template-text";
const PROBLEMS_ID = "postmortem-template-problems";

// The schema is pure, so the browser runs the server's own rules as people type; its placeholder
// messages are templateProblems' (lib/templates/render.ts), so they are not asked for twice.
function liveProblems(text: string): string[] {
  const parsed = postmortemTemplateSchema.safeParse(text);
  return parsed.success ? [] : [...new Set(parsed.error.issues.map((issue) => issue.message))];
}

export function PostmortemTemplateForm({ template, canEdit }: { template: string; canEdit: boolean }) {
  const [shown, setShown] = useState(template);
  const [text, setText] = useState(template);
  const [submitted, setSubmitted] = useState<string | null>(null);

  // A save (here or by another admin) renders the page again with the template now in force.
  if (shown !== template) {
    setShown(template);
    setText(template);
  }

  const save = (previous: ActionResult<void> | null, form: FormData) => {
    setSubmitted(String(form.get("text") ?? ""));
    return savePostmortemTemplateAction(previous, form);
  };

  const live = liveProblems(text);
  // What the server refused, while the text is still what it refused.
  const problems = (state: State) => (live.length > 0 ? live : state && !state.ok && text === submitted ? (state.fieldErrors?.text ?? []) : []);
  const headings = splitSections(text).sections.map((section) => section.heading);
  const fromPlan = template.trim() === DEFAULT_POSTMORTEM_TEMPLATE.trim();

  const fields = (state: State) => {
    const shownProblems = problems(state);
    return (
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-2 lg:col-span-2">
          <label htmlFor={TEXT_ID} className="text-sm font-medium text-slate-700">
            Template (Markdown)
          </label>
          <p className="text-xs text-slate-600">
            Each &ldquo;## &rdquo; heading starts a section; a &ldquo;# &rdquo; title line is left out. Placeholders are filled from the incident when a post-mortem is created.
          </p>
          <textarea
            id={TEXT_ID}
            name="text"
            rows={24}
            spellCheck={false}
            className={`${controlClass} font-mono`}
            value={text}
            onChange={(event) => setText(event.target.value)}
            readOnly={!canEdit}
            aria-invalid={shownProblems.length > 0 || undefined}
            aria-describedby={shownProblems.length > 0 ? PROBLEMS_ID : undefined}
          />
          {shownProblems.length > 0 && (
            <ul id={PROBLEMS_ID} className="list-disc pl-5 text-sm text-red-700" data-testid={PROBLEMS_ID}>
              {shownProblems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
          {canEdit && (
            <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
              <button
                type="button"
                className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
                onClick={() => setText(DEFAULT_POSTMORTEM_TEMPLATE)}
                data-testid="postmortem-template-reset"
              >
                Reset to the plan&rsquo;s template
              </button>
              Fills the box with the plan&rsquo;s text; Save to keep it.
            </div>
          )}
        </div>
        <div className="flex flex-col gap-4 text-sm">
          <section aria-label="Sections it creates">
            <h3 className="mb-1 font-semibold">Sections it creates</h3>
            {headings.length > 0 ? (
              <ol className="list-decimal pl-5" data-testid="postmortem-template-sections">
                {headings.map((heading, index) => (
                  <li key={`${index}-${heading}`}>
                    {heading}
                    {isActionItemsHeading(heading) && <span className="text-xs text-slate-600"> — lists the post-mortem&rsquo;s tracked action items; text under it is not copied</span>}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-slate-600">None yet: start a section with &ldquo;## &rdquo;.</p>
            )}
          </section>
          <section aria-label="Placeholders">
            <h3 className="mb-1 font-semibold">Placeholders</h3>
            <dl className="grid gap-1" data-testid="postmortem-template-placeholders">
              {POSTMORTEM_PLACEHOLDERS.map((placeholder) => (
                <div key={placeholder.name}>
                  <dt className="font-mono text-xs">{`{{${placeholder.name}}}`}</dt>
                  <dd className="text-xs text-slate-600">{placeholder.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
      </div>
    );
  };

  const status = (
    <p className="text-xs text-slate-600" data-testid="postmortem-template-state">
      {fromPlan ? "The plan's template" : "Customised"}
      {!canEdit && " · only admins change it"}
    </p>
  );

  return canEdit ? (
    <div className="flex flex-col gap-3">
      {status}
      <ActionForm invalidates={settingsKeys.all} action={save} submitLabel="Save template" pendingLabel="Saving…" testId="postmortem-template-form">
        {fields}
      </ActionForm>
    </div>
  ) : (
    <div className="flex flex-col gap-3" data-testid="postmortem-template-form">
      {status}
      {fields(null)}
    </div>
  );
}
