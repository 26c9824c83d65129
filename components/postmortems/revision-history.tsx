"use client";

import { useState, useTransition } from "react";
import { useAfterWrite } from "@/components/live/live-data";
import { FormStatus } from "@/components/ui/form-status";
import { Panel } from "@/components/ui/panel";
import type { ActionResult } from "@/lib/actions/define-action";
import { postmortemKeys } from "@/lib/live/query-keys";
import { restoreRevisionAction } from "@/lib/postmortems/revisions/actions";
import { RevisionCompare, type RevisionPair } from "./revision-compare";
import { useRevisions } from "./revision-queries";
import { RevisionRow } from "./revision-row";
import { RevisionView } from "./revision-view";

/** Who changed the post-mortem when, what changed between two revisions, and restoring one. */
export function RevisionHistory({ postmortemId, canRestore }: { postmortemId: string; canRestore: boolean }) {
  const revisions = useRevisions(postmortemId);
  const afterWrite = useAfterWrite();
  // Until the person picks, compare the latest revision with the one before, as new ones arrive.
  const [chosen, setChosen] = useState<RevisionPair | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<ActionResult<unknown> | null>(null);
  const [restoring, startRestore] = useTransition();

  const restore = (number: number) =>
    startRestore(async () => {
      const result = await restoreRevisionAction(null, { postmortemId, number });
      setOutcome(result);
      if (!result.ok) return;
      setChosen(null);
      await afterWrite(postmortemKeys.one(postmortemId));
    });

  const list = revisions.data ?? [];
  const pair = chosen ?? (list.length >= 2 ? { older: list[1]!.number, newer: list[0]!.number } : null);
  return (
    <div data-testid="revision-history">
      <Panel title="Revision history">
        {revisions.isPending ? (
          <p className="text-sm text-slate-600">Loading…</p>
        ) : revisions.isError ? (
          <p className="text-sm text-red-700">{revisions.error.message}</p>
        ) : (
          <div className="grid gap-4">
            <ul className="divide-y divide-slate-100">
              {list.map((revision, index) => (
                <RevisionRow
                  key={revision.number}
                  revision={revision}
                  current={index === 0}
                  viewing={viewing === revision.number}
                  onView={() => setViewing(viewing === revision.number ? null : revision.number)}
                  onRestore={canRestore ? () => restore(revision.number) : undefined}
                  restoring={restoring}
                />
              ))}
            </ul>
            {canRestore && <FormStatus state={restoring ? null : outcome} testId="revision-restore-status" />}
            {viewing !== null && <RevisionView postmortemId={postmortemId} number={viewing} onClose={() => setViewing(null)} />}
            {pair ? (
              <RevisionCompare postmortemId={postmortemId} revisions={list} pair={pair} onChange={setChosen} />
            ) : (
              <p className="text-sm text-slate-600">Only one revision so far: changes appear here after the next save.</p>
            )}
          </div>
        )}
      </Panel>
    </div>
  );
}
