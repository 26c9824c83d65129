"use client";

import { useState } from "react";
import { Markdown } from "@/components/ui/markdown";
import { controlClass } from "@/components/ui/field";

const tabClass = (active: boolean) => `rounded px-2 py-1 text-xs font-medium ${active ? "bg-slate-800 text-slate-50" : "text-slate-600 hover:bg-slate-100"}`;

/** One section: Markdown written in a text box, with a preview a click away. */
export function SectionEditor({ id, heading, text, onChange, onBlur }: { id: string; heading: string; text: string; onChange: (text: string) => void; onBlur: () => void }) {
  const [preview, setPreview] = useState(false);
  const rows = Math.min(24, Math.max(4, text.split("\n").length + 1));
  return (
    <div data-testid="section-editor" data-heading={heading} className="grid gap-2">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-base font-semibold" id={`heading-${id}`}>
          {heading}
        </h2>
        <div role="tablist" aria-label={`${heading}: write or preview`} className="flex gap-1">
          <button type="button" role="tab" aria-selected={!preview} className={tabClass(!preview)} onClick={() => setPreview(false)}>
            Write
          </button>
          <button type="button" role="tab" aria-selected={preview} className={tabClass(preview)} onClick={() => setPreview(true)}>
            Preview
          </button>
        </div>
      </div>
      {preview ? (
        <div className="min-h-24 rounded-md border border-slate-200 p-3 text-sm" data-testid="section-preview">
          {text.trim() ? <Markdown>{text}</Markdown> : <p className="text-slate-500">Nothing written yet.</p>}
        </div>
      ) : (
        <textarea
          aria-labelledby={`heading-${id}`}
          className={`${controlClass} font-mono text-sm`}
          rows={rows}
          value={text}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
          spellCheck
        />
      )}
    </div>
  );
}

/** A section as published: read, not edited. */
export function SectionText({ heading, text }: { heading: string; text: string }) {
  return (
    <section data-testid="section-text" data-heading={heading} className="grid gap-2">
      <h2 className="text-base font-semibold">{heading}</h2>
      <div className="text-sm">{text.trim() ? <Markdown>{text}</Markdown> : <p className="text-slate-500">Nothing written.</p>}</div>
    </section>
  );
}
