import Link from "next/link";
import type { ActionItemFilters } from "@/lib/postmortems/action-items/list";
import { ACTION_ITEM_KINDS, ACTION_ITEM_PRIORITIES, actionItemKindLabel } from "@/lib/postmortems/action-items/view";
import { actionItemPriorityLabel } from "@/lib/postmortems/action-items/view";
import type { Owner } from "./action-item-fields";

const control = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

function Select({ label, name, value, options }: { label: string; name: string; value?: string; options: { value: string; label: string }[] }) {
  const id = `filter-${name}`;
  return (
    <div className="flex flex-col gap-1 text-xs font-medium text-slate-700">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} className={control}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const any = { value: "", label: "Any" };

/** A plain GET form: the filters live in the URL, so a view can be shared and works without script. */
export function ActionItemFiltersForm({ filters, owners }: { filters: ActionItemFilters; owners: Owner[] }) {
  return (
    <form method="get" action="/action-items" role="search" aria-label="Filter action items" className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-3 lg:grid-cols-6">
      <Select
        label="Status"
        name="status"
        value={filters.status}
        options={[
          { value: "open", label: "Open and in progress" },
          { value: "done", label: "Done and won't do" },
          { value: "all", label: "All" },
        ]}
      />
      <Select
        label="Owner"
        name="owner"
        value={filters.owner}
        options={[any, { value: "none", label: "Unassigned" }, ...owners.map((owner) => ({ value: owner.id, label: owner.name }))]}
      />
      <Select label="Priority" name="priority" value={filters.priority} options={[any, ...ACTION_ITEM_PRIORITIES.map((value) => ({ value, label: actionItemPriorityLabel[value] }))]} />
      <Select label="Kind" name="kind" value={filters.kind} options={[any, ...ACTION_ITEM_KINDS.map((value) => ({ value, label: actionItemKindLabel[value] }))]} />
      <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
        <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue} />
        Overdue only
      </label>
      <div className="flex items-end gap-2">
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-slate-50">
          Apply filters
        </button>
        <Link href="/action-items" className="text-sm underline">
          Clear
        </Link>
      </div>
    </form>
  );
}
