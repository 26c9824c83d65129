"use client";

import { useState } from "react";
import type { RevisionSummary } from "@/lib/postmortems/revisions/history";
import { Timestamp } from "@/components/ui/timestamp";

const buttonClass = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60";

interface RevisionRowProps {
  revision: RevisionSummary;
  /** The newest revision is the text as it stands: nothing to restore. */
  current: boolean;
  viewing: boolean;
  onView: () => void;
  /** Given when the person may restore; runs the restore once confirmed. */
  onRestore?: () => void;
  restoring: boolean;
}

export function RevisionRow({ revision, current, viewing, onView, onRestore, restoring }: RevisionRowProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="grid gap-2 py-2" data-testid="revision-row">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="text-sm">
          <span className="font-medium">Revision {revision.number}</span> · {revision.author} · <Timestamp iso={revision.updatedAt} />
          {current && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">current</span>}
          {revision.restoredFrom !== null && <span className="ml-2 text-xs text-slate-600">restored from revision {revision.restoredFrom}</span>}
        </div>
        <div className="flex gap-2">
          <button type="button" className={buttonClass} onClick={onView} aria-pressed={viewing}>
            {viewing ? "Hide" : "View"}
          </button>
          {onRestore && !current && !confirming && (
            <button type="button" className={buttonClass} onClick={() => setConfirming(true)} disabled={restoring}>
              Restore
            </button>
          )}
        </div>
      </div>
      {onRestore && confirming && (
        <div className="flex flex-wrap items-center gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm" role="group" aria-label={`Restore revision ${revision.number}`}>
          <span>Restore revision {revision.number}? Sections that differ get its text back; today&apos;s text stays in the history.</span>
          <button
            type="button"
            className="rounded-md bg-brand-600 px-2.5 py-1 text-xs font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
            disabled={restoring}
            data-testid="revision-restore-confirm"
            onClick={() => {
              setConfirming(false);
              onRestore();
            }}
          >
            Yes, restore
          </button>
          <button type="button" className={buttonClass} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
    </li>
  );
}
