import type { ActionResult } from "@/lib/actions/define-action";
import { ACTION_ITEM_KINDS, ACTION_ITEM_PRIORITIES, actionItemKindLabel, type ActionItemView } from "@/lib/postmortems/action-items/view";
import { controlClass, Field, FieldFrame } from "@/components/ui/field";
import { actionItemPriorityLabel } from "@/lib/postmortems/action-items/view";

export interface Owner {
  id: string;
  name: string;
}

interface SelectFieldProps {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  options: { value: string; label: string }[];
  state: ActionResult<unknown> | null;
}

function SelectField({ id, name, label, defaultValue, options, state }: SelectFieldProps) {
  return (
    <FieldFrame id={id} name={name} label={label} state={state}>
      {(control) => (
        <select name={name} defaultValue={defaultValue} className={controlClass} {...control}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/** An item's own fields, empty for a new one or filled from `item`; ids start with `idPrefix`, as several forms share a page. */
export function ActionItemFields({ idPrefix, owners, item, state }: { idPrefix: string; owners: Owner[]; item?: ActionItemView; state: ActionResult<unknown> | null }) {
  // An owner who can no longer sign in keeps the item until someone else is chosen.
  const ownerOptions = item?.owner && !owners.some((owner) => owner.id === item.owner?.id) ? [...owners, item.owner] : owners;
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6">
      <div className="sm:col-span-2">
        <Field id={`${idPrefix}-title`} label="Title" name="title" maxLength={200} autoComplete="off" defaultValue={item?.title} state={state} />
      </div>
      <SelectField
        id={`${idPrefix}-owner`}
        name="ownerId"
        label="Owner"
        defaultValue={item?.owner?.id ?? ""}
        options={[{ value: "", label: "Unassigned" }, ...ownerOptions.map((owner) => ({ value: owner.id, label: owner.name }))]}
        state={state}
      />
      <SelectField
        id={`${idPrefix}-priority`}
        name="priority"
        label="Priority"
        defaultValue={item?.priority ?? "medium"}
        options={ACTION_ITEM_PRIORITIES.map((priority) => ({ value: priority, label: actionItemPriorityLabel[priority] }))}
        state={state}
      />
      <SelectField
        id={`${idPrefix}-kind`}
        name="kind"
        label="Kind"
        defaultValue={item?.kind ?? "short_term_fix"}
        options={ACTION_ITEM_KINDS.map((kind) => ({ value: kind, label: actionItemKindLabel[kind] }))}
        state={state}
      />
      <Field id={`${idPrefix}-due`} label="Due date" name="dueOn" type="date" defaultValue={item?.dueOn ?? ""} state={state} />
    </div>
  );
}
