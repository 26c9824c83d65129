import Link from "next/link";
import type { IncidentFilters } from "@/lib/incidents/filters";
import { INCIDENT_STATUSES } from "@/lib/incidents/rules";
import { FiltersDisclosure } from "./filters-disclosure";

interface Option {
  key: string;
  name: string;
}

const control = "max-w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

function Select({ label, name, value, options, any = { key: "", name: "Any" } }: { label: string; name: string; value?: string; options: Option[]; any?: Option | null }) {
  const id = `filter-${name}`;
  return (
    <div className="flex flex-col gap-1 text-xs font-medium text-slate-700">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? any?.key ?? ""} className={control}>
        {any && <option value={any.key}>{any.name}</option>}
        {options.map((option) => (
          <option key={option.key} value={option.key}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A plain GET form: the filters live in the URL, so a view can be shared and works without script.
 * On a phone it folds behind one button (FiltersDisclosure).
 */
export function IncidentFiltersForm({ filters, severities, systems, teams }: { filters: IncidentFilters; severities: Option[]; systems: Option[]; teams: Option[] }) {
  const active = (["q", "status", "severity", "system", "team", "from", "to"] as const).filter((key) => filters[key] !== undefined && !(key === "status" && filters.status === "open")).length;
  return (
    <FiltersDisclosure active={active}>
    <form id="incident-filters" method="get" action="/incidents" className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-4 lg:grid-cols-8" role="search" aria-label="Filter incidents">
      <label className="col-span-2 flex flex-col gap-1 text-xs font-medium text-slate-700">
        Search
        <input name="q" defaultValue={filters.q ?? ""} placeholder="Title or INC-42" className={control} />
      </label>
      <Select
        label="Status"
        name="status"
        value={filters.status}
        any={{ key: "all", name: "Any, closed too" }}
        options={[{ key: "open", name: "open (any)" }, ...INCIDENT_STATUSES.map((status) => ({ key: status, name: status }))]}
      />
      <Select label="Severity" name="severity" value={filters.severity} options={severities} />
      <Select label="System" name="system" value={filters.system} options={systems} />
      <Select label="Team" name="team" value={filters.team} options={teams} />
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
        From
        <input type="date" name="from" defaultValue={filters.from ?? ""} className={control} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
        To
        <input type="date" name="to" defaultValue={filters.to ?? ""} className={control} />
      </label>
      <Select
        label="Sort"
        name="sort"
        value={filters.sort}
        options={[
          { key: "newest", name: "Newest first" },
          { key: "oldest", name: "Oldest first" },
          { key: "severity", name: "Severity" },
          { key: "status", name: "Status" },
          { key: "reference", name: "Reference" },
        ]}
      />
      <div className="col-span-2 flex items-end gap-2 sm:col-span-4 lg:col-span-8">
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-slate-50">
          Apply filters
        </button>
        <Link href="/incidents" className="text-sm underline">
          Clear
        </Link>
      </div>
    </form>
    </FiltersDisclosure>
  );
}
