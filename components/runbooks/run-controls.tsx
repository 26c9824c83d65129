"use client";

import { hasRole, type Role } from "@/lib/auth/roles";
import { runKeys } from "@/lib/live/query-keys";
import { approveRunAction, cancelRunAction, rejectRunAction } from "@/lib/runbooks/actions";
import type { RunDetail } from "@/lib/runbooks/queries";
import { ActionForm } from "@/components/ui/action-form";

export interface RunViewer {
  id: string;
  role: Role;
}

const stoppable = new Set<RunDetail["status"]>(["awaiting_approval", "queued", "running"]);

/** Approve or reject (a second commander, never the requester) and cancel (the requester or a commander); the server checks again. */
export function RunControls({ run, viewer }: { run: RunDetail; viewer: RunViewer }) {
  const common = { hidden: { runId: run.id }, invalidates: runKeys.detail(run.id) };
  const awaiting = run.status === "awaiting_approval";
  const mayApprove = awaiting && hasRole(viewer.role, "commander") && viewer.id !== run.requestedById;
  const mayCancel = stoppable.has(run.status) && !run.cancelRequestedAt && (viewer.id === run.requestedById || hasRole(viewer.role, "commander"));
  return (
    <div className="grid gap-3" data-testid="run-controls">
      {awaiting && (
        <p className="text-sm text-violet-800" data-testid="run-approval-note">
          {viewer.id === run.requestedById
            ? "You requested this destructive run: another commander or admin must approve it."
            : "This run is destructive: it waits for a commander or admin other than whoever requested it."}
          {!run.currentVersion && " The runbook has changed since it was requested, so it can only be rejected."}
        </p>
      )}
      {run.cancelRequestedAt && run.status === "running" && <p className="text-sm text-amber-800">Cancelling: the step in progress is being stopped.</p>}
      <div className="flex flex-wrap gap-3">
        {mayApprove && run.currentVersion && (
          <ActionForm {...common} action={approveRunAction} submitLabel="Approve" pendingLabel="Approving…" testId="approve-run-form" />
        )}
        {mayApprove && <ActionForm {...common} action={rejectRunAction} submitLabel="Reject" pendingLabel="Rejecting…" testId="reject-run-form" tone="secondary" />}
        {mayCancel && <ActionForm {...common} action={cancelRunAction} submitLabel="Cancel run" pendingLabel="Cancelling…" testId="cancel-run-form" tone="secondary" />}
      </div>
    </div>
  );
}
