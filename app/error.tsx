"use client";

import { PageFailure } from "@/components/errors/page-failure";

// Catches what fails above the pages' shell too: the dashboard's layout reads the session's user
// from the database, and so does the sign-in page for someone already signed in.
export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <PageFailure error={error} retry={retry} />
    </main>
  );
}
