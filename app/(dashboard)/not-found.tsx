import type { Metadata } from "next";
import Link from "next/link";
import { controlClass } from "@/components/ui/field";

export const metadata: Metadata = { title: "Not found" };

/** Inside the shell, so the navigation is there; with a search, since a mistyped reference is the usual way here. */
export default function NotFound() {
  return (
    <div className="mx-auto grid max-w-xl gap-4 py-8" data-testid="not-found">
      <h1 className="text-2xl font-semibold tracking-tight">Nothing here</h1>
      <p className="text-sm text-slate-700">
        No page or incident has this address. An incident&apos;s address is its reference, like <code>/incidents/INC-42</code>.
      </p>
      <form action="/incidents" method="get" role="search" className="flex flex-wrap items-end gap-2">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor="not-found-search" className="text-sm font-medium text-slate-700">
            Search incidents by reference or title
          </label>
          <input id="not-found-search" name="q" type="search" className={controlClass} placeholder="INC-42 or bridge relayer" />
        </div>
        <button type="submit" className="min-h-10 rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          Search
        </button>
      </form>
      <p className="text-sm">
        <Link className="underline" href="/">
          Overview
        </Link>{" "}
        ·{" "}
        <Link className="underline" href="/incidents">
          Incidents
        </Link>
      </p>
    </div>
  );
}
