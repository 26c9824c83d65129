"use client";

import { useState } from "react";

/** On a phone the filters fold behind one button that says how many apply; from the small breakpoint up they are always shown. */
export function FiltersDisclosure({ active, children }: { active: number; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="mb-4">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="incident-filters-panel"
        onClick={() => setOpen(!open)}
        className="mb-2 min-h-11 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium sm:hidden"
        data-testid="filters-toggle"
      >
        {open ? "Hide filters" : `Filters${active > 0 ? ` (${active})` : ""}`}
      </button>
      <div id="incident-filters-panel" className={open ? "block" : "hidden sm:block"}>
        {children}
      </div>
    </div>
  );
}
