"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { useEffect } from "react";
import type { IncidentPage } from "@/lib/incidents/queries";
import { incidentKeys } from "@/lib/live/query-keys";
import { fetchJson } from "@/components/live/fetch-json";

const PREFIX = /^\(\d+\) /;

/**
 * Puts the number of incidents waiting for acknowledgement in front of every tab title, "(2)
 * INC-42 · critical · declared · Firebreak", so a tab in the background says when someone is
 * needed. Kept current by the live stream (a change to any incident makes the lists stale).
 */
export function WaitingCount() {
  const pathname = usePathname();
  const { data } = useQuery({
    queryKey: incidentKeys.list({ status: "declared", for: "tab-title" }),
    queryFn: () => fetchJson<IncidentPage>("/api/incidents?status=declared"),
    // Not the page's data: a page that draws none from queries is still rendered again (LiveData).
    meta: { shell: true },
  });
  const waiting = data?.total ?? 0;

  useEffect(() => {
    const apply = () => {
      const base = document.title.replace(PREFIX, "");
      const wanted = waiting > 0 ? `(${waiting}) ${base}` : base;
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    // Next.js sets the title after a navigation; prefix it again then.
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [waiting, pathname]);
  return null;
}
