"use client";

import { useId } from "react";
import { controlClass } from "@/components/ui/field";
import type { RevisionSummary } from "@/lib/postmortems/revisions/history";
import { diffRevisions } from "@/lib/postmortems/revisions/diff";
import { RevisionDiffView } from "./revision-diff-view";
import { useRevision } from "./revision-queries";

export interface RevisionPair {
  older: number;
  newer: number;
}

interface RevisionCompareProps {
  postmortemId: string;
  revisions: RevisionSummary[];
  pair: RevisionPair;
  onChange: (pair: RevisionPair) => void;
}

/** Two revisions chosen by the person, and what changed from one to the other. */
export function RevisionCompare({ postmortemId, revisions, pair, onChange }: RevisionCompareProps) {
  const older = useRevision(postmortemId, pair.older);
  const newer = useRevision(postmortemId, pair.newer);
  const error = older.error ?? newer.error;
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <RevisionChoice label="Compare" revisions={revisions} value={pair.older} onChange={(number) => onChange({ ...pair, older: number })} />
        <RevisionChoice label="with" revisions={revisions} value={pair.newer} onChange={(number) => onChange({ ...pair, newer: number })} />
      </div>
      {error ? (
        <p className="text-sm text-red-700">{error.message}</p>
      ) : older.data && newer.data ? (
        <RevisionDiffView diffs={diffRevisions(older.data.sections, newer.data.sections)} />
      ) : (
        <p className="text-sm text-slate-600">Loading…</p>
      )}
    </div>
  );
}

function RevisionChoice({ label, revisions, value, onChange }: { label: string; revisions: RevisionSummary[]; value: number; onChange: (number: number) => void }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(Number(event.target.value))} className={controlClass}>
        {revisions.map((revision) => (
          <option key={revision.number} value={revision.number}>
            Revision {revision.number} · {revision.author}
          </option>
        ))}
      </select>
    </div>
  );
}
