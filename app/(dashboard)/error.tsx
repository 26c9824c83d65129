"use client";

import { PageFailure } from "@/components/errors/page-failure";

// A page that failed keeps the shell and its navigation around it.
export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageFailure error={error} retry={retry} />;
}
