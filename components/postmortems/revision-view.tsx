"use client";

import { Markdown } from "@/components/ui/markdown";
import { useRevision } from "./revision-queries";

/** One revision's text as it was, read-only. */
export function RevisionView({ postmortemId, number, onClose }: { postmortemId: string; number: number; onClose: () => void }) {
  const revision = useRevision(postmortemId, number);
  return (
    <div className="grid gap-3 rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="revision-view">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">Revision {number} as it was</h3>
        <button type="button" onClick={onClose} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-50">
          Close
        </button>
      </div>
      {revision.isPending && <p className="text-sm text-slate-600">Loading…</p>}
      {revision.isError && <p className="text-sm text-red-700">{revision.error.message}</p>}
      {revision.data?.sections.map((section) => (
        <section key={section.heading} aria-label={section.heading} className="grid gap-1">
          <h4 className="text-sm font-semibold">{section.heading}</h4>
          {section.body.trim() === "" ? <p className="text-sm text-slate-500">(empty)</p> : <Markdown>{section.body}</Markdown>}
        </section>
      ))}
    </div>
  );
}
