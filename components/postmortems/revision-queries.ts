import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/live/fetch-json";
import { postmortemKeys } from "@/lib/live/query-keys";
import type { RevisionDetail, RevisionSummary } from "@/lib/postmortems/revisions/history";

// Fetched when first shown. Under postmortemKeys.one(id), so a live change to the post-mortem
// refetches the history and any revision shown (the latest one grows while its author keeps saving).

export function useRevisions(postmortemId: string) {
  return useQuery({
    queryKey: postmortemKeys.revisions(postmortemId),
    queryFn: () => fetchJson<RevisionSummary[]>(`/api/postmortems/${postmortemId}/revisions`),
  });
}

export function useRevision(postmortemId: string, number: number) {
  return useQuery({
    queryKey: postmortemKeys.revision(postmortemId, number),
    queryFn: () => fetchJson<RevisionDetail>(`/api/postmortems/${postmortemId}/revisions/${number}`),
  });
}
