"use client";

import { useState } from "react";
import { postmortemKeys } from "@/lib/live/query-keys";
import { createActionItemAction, updateActionItemAction } from "@/lib/postmortems/action-items/actions";
import type { ActionItemView } from "@/lib/postmortems/action-items/view";
import { ActionForm } from "@/components/ui/action-form";
import { Panel } from "@/components/ui/panel";
import { ActionItemFields, type Owner } from "./action-item-fields";
import { ActionItemTable } from "./action-item-table";
import { utcToday } from "./utc-today";

export interface ActionItemsPanelProps {
  postmortemId: string;
  items: ActionItemView[];
  /** Who an item can be given to: listAssignableOwners. */
  owners: Owner[];
  /** Responder or above: may move an item's status, even once the post-mortem is published. */
  canEdit: boolean;
  /** Responder or above and the post-mortem not published: may add items and change their fields. */
  canChangeFields: boolean;
}

/**
 * A post-mortem's action items. Each action revalidates this page and the live stream refetches
 * the post-mortem's queries, so the items shown are always the server's.
 */
export function ActionItemsPanel({ postmortemId, items, owners, canEdit, canChangeFields }: ActionItemsPanelProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const editable = canEdit && canChangeFields;
  return (
    <div data-testid="action-items-panel">
      <Panel title="Action items">
        <div className="flex flex-col gap-4">
          {items.length === 0 ? (
            <p className="text-sm text-slate-600">No action items yet.</p>
          ) : (
            <ActionItemTable
              items={items}
              today={utcToday()}
              canEdit={canEdit}
              rowActions={
                editable
                  ? (item) => (
                      <button type="button" onClick={() => setEditing(editing === item.id ? null : item.id)} className="text-sm underline" aria-expanded={editing === item.id}>
                        {editing === item.id ? "Cancel" : "Edit"}
                      </button>
                    )
                  : undefined
              }
              expanded={(item) =>
                editable && editing === item.id ? (
                  <ActionForm
                    action={updateActionItemAction}
                    hidden={{ id: item.id }}
                    submitLabel="Save item"
                    pendingLabel="Saving…"
                    testId="edit-action-item"
                    invalidates={postmortemKeys.all}
                    onSuccess={() => setEditing(null)}
                  >
                    {(state) => <ActionItemFields idPrefix={`edit-${item.id}`} owners={owners} item={item} state={state} />}
                  </ActionForm>
                ) : null
              }
            />
          )}
          {editable && (
            <ActionForm
              action={createActionItemAction}
              hidden={{ postmortemId }}
              submitLabel="Add action item"
              pendingLabel="Adding…"
              testId="add-action-item"
              invalidates={postmortemKeys.all}
              className="border-t border-slate-100 pt-4"
            >
              {(state) => <ActionItemFields idPrefix="new-action-item" owners={owners} state={state} />}
            </ActionForm>
          )}
        </div>
      </Panel>
    </div>
  );
}
