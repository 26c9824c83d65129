"use client";

import { useState, useTransition } from "react";
import { postmortemKeys } from "@/lib/live/query-keys";
import { useAfterWrite } from "@/components/live/live-data";
import { setActionItemStatusAction } from "@/lib/postmortems/action-items/actions";
import { ACTION_ITEM_STATUSES, actionItemStatusLabel, type ActionItemStatus } from "@/lib/postmortems/action-items/view";

/**
 * Moves an item along as soon as another status is chosen. The choice shows until the page's data
 * brings the saved status (the live stream reports the change); a refusal puts it back and is said beside it.
 */
export function ActionItemStatusControl({ id, title, status }: { id: string; title: string; status: ActionItemStatus }) {
  const afterWrite = useAfterWrite();
  // The status chosen, and the one the page showed then: once the page's status moves on, it shows that.
  const [chosen, setChosen] = useState<{ from: ActionItemStatus; to: ActionItemStatus } | null>(null);
  const shown = chosen?.from === status ? chosen.to : status;
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const change = (event: React.ChangeEvent<HTMLSelectElement>) => {
    const next = event.target.value as ActionItemStatus;
    setChosen({ from: status, to: next });
    startTransition(async () => {
      const result = await setActionItemStatusAction(null, { id, status: next });
      setError(result.ok ? null : result.error);
      if (!result.ok) setChosen(null);
      if (result.ok) await afterWrite(postmortemKeys.lists);
    });
  };

  return (
    <div className="flex flex-col gap-1">
      <select
        value={shown}
        onChange={change}
        disabled={pending}
        aria-label={`Status of ${title}`}
        aria-invalid={error ? true : undefined}
        data-testid="action-item-status"
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm aria-invalid:border-red-600"
      >
        {ACTION_ITEM_STATUSES.map((option) => (
          <option key={option} value={option}>
            {actionItemStatusLabel[option]}
          </option>
        ))}
      </select>
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
