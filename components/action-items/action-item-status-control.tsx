"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useOptimistic, useState, useTransition } from "react";
import { postmortemKeys } from "@/lib/incidents/query-keys";
import { setActionItemStatusAction } from "@/lib/postmortems/action-items/actions";
import { ACTION_ITEM_STATUSES, actionItemStatusLabel, type ActionItemStatus } from "@/lib/postmortems/action-items/view";

/**
 * Moves an item along as soon as another status is chosen. The action revalidates the page it is
 * on, so the new status shows until the page's own data catches up; a refusal is said beside it.
 */
export function ActionItemStatusControl({ id, title, status }: { id: string; title: string; status: ActionItemStatus }) {
  const queryClient = useQueryClient();
  const [shown, setShown] = useOptimistic(status);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const change = (event: React.ChangeEvent<HTMLSelectElement>) => {
    const next = event.target.value as ActionItemStatus;
    startTransition(async () => {
      setShown(next);
      const result = await setActionItemStatusAction(null, { id, status: next });
      setError(result.ok ? null : result.error);
      if (result.ok) await queryClient.invalidateQueries({ queryKey: postmortemKeys.all });
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
