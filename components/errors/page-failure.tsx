"use client";

import { usePageRecovery, type FailureCause } from "./use-page-recovery";

const wording: Record<FailureCause, { title: string; detail: string }> = {
  checking: { title: "This page could not load", detail: "Checking whether Firebreak can reach its database…" },
  database: {
    title: "Firebreak cannot reach its database",
    detail: "Retrying by itself: this page comes back on its own as soon as the database answers.",
  },
  server: {
    title: "Firebreak is not answering",
    detail: "Retrying by itself: this page comes back on its own as soon as the server answers.",
  },
  page: {
    title: "This page could not load",
    detail: "Firebreak and its database are up, but this page failed. Try again; if it keeps failing, give your Firebreak operator the reference below.",
  },
};

/** What an error boundary shows. Never the error's own message, which could say anything about the server. */
export function PageFailure({ error, retry }: { error: unknown; retry: () => void }) {
  const cause = usePageRecovery(error, retry);
  const { title, detail } = wording[cause];
  // Matches the error in the server's log, and says nothing by itself.
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <div data-testid="page-failure" data-cause={cause} className="max-w-xl">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p role="status" className="mt-2 text-sm text-slate-700">
        {detail}
      </p>
      {cause === "page" && (
        <>
          <button type="button" onClick={retry} className="mt-4 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
            Try again
          </button>
          {digest && (
            <p className="mt-4 text-xs text-slate-600">
              Reference: <code className="font-mono">{digest}</code>
            </p>
          )}
        </>
      )}
    </div>
  );
}
