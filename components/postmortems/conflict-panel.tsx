"use client";

import { useState } from "react";
import type { SectionConflict } from "@/lib/postmortems/document/save";
import { controlClass } from "@/components/ui/field";
import { Timestamp } from "@/components/ui/timestamp";

const versionClass = "max-h-64 overflow-auto whitespace-pre-wrap rounded-md border p-2 font-mono text-xs";

/**
 * Someone else saved the lines this person was changing: both versions side by side, and a
 * merged text (both, to begin with) that the person edits and saves.
 */
export function ConflictPanel({ conflict, onResolve }: { conflict: SectionConflict; onResolve: (merged: string) => void }) {
  const [merged, setMerged] = useState(conflict.suggestion);
  const who = conflict.theirs.updatedBy ?? "Someone";
  return (
    <div role="alert" data-testid="conflict-panel" data-heading={conflict.heading} className="grid gap-3 rounded-md border border-amber-300 bg-amber-50 p-3">
      <h2 className="text-base font-semibold">{conflict.heading}</h2>
      <p className="text-sm text-amber-900">
        {who} saved this section at <Timestamp iso={conflict.theirs.updatedAt} /> while you were changing the same lines. Your text was not saved. Merge
        the two below, then save the merged text.
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <h3 className="mb-1 text-xs font-semibold uppercase text-slate-600">Saved by {who}</h3>
          <pre className={`${versionClass} border-slate-200 bg-white`} data-testid="conflict-theirs">
            {conflict.theirs.body}
          </pre>
        </div>
        <div>
          <h3 className="mb-1 text-xs font-semibold uppercase text-slate-600">Yours</h3>
          <pre className={`${versionClass} border-slate-200 bg-white`} data-testid="conflict-mine">
            {conflict.mine}
          </pre>
        </div>
      </div>
      <label className="grid gap-1 text-sm font-medium">
        Merged text
        <textarea className={`${controlClass} font-mono text-sm`} rows={Math.min(20, merged.split("\n").length + 2)} value={merged} onChange={(event) => setMerged(event.target.value)} />
      </label>
      <div className="flex flex-wrap gap-2">
        <button type="button" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-slate-50 hover:bg-slate-700" onClick={() => onResolve(merged)}>
          Save merged text
        </button>
        <button type="button" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100" onClick={() => onResolve(conflict.theirs.body)}>
          Keep theirs, discard mine
        </button>
      </div>
    </div>
  );
}
