"use client";

import { useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { Rendered } from "@/lib/live/rendered";
import { fetchJson } from "./fetch-json";
import { useLive } from "./live-data";

interface LiveDataOptions<T> {
  queryKey: QueryKey;
  /** The API route that answers with the same data as JSON. */
  url: string;
  /** How to read `url`, when not as plain JSON. */
  read?: (url: string) => Promise<T>;
  /** What the server rendered, and when it read it. */
  initial: Rendered<T>;
}

/**
 * Server data that stays current: it starts from the server's render without fetching it again,
 * and is fetched again only when the live stream reports a change to it (see LiveData). A copy this
 * tab already held gives way to the render when the render is newer or the copy was marked stale.
 */
export function useLiveData<T>({ queryKey, url, read = fetchJson<T>, initial }: LiveDataOptions<T>): T {
  const queryClient = useQueryClient();
  const live = useLive();
  // Before the first read of each key (a list's filters change the key), as hydration would: the
  // query below must see the render, not an older copy.
  const key = JSON.stringify(queryKey);
  const [hydrated, setHydrated] = useState<string | null>(null);
  if (hydrated !== key) {
    setHydrated(key);
    const cached = queryClient.getQueryState(queryKey);
    if (cached && (cached.isInvalidated || cached.dataUpdatedAt < initial.at)) {
      queryClient.setQueryData(queryKey, initial.data, { updatedAt: initial.at });
    }
  }
  const { data } = useQuery({
    queryKey,
    queryFn: () => read(url),
    initialData: initial.data,
    initialDataUpdatedAt: initial.at,
  });
  // A change the stream reported after the server read this data, and before this view was drawn
  // (a navigation races the stream), is fetched once.
  useEffect(() => {
    if (live?.heardSince(queryKey, initial.at)) void queryClient.invalidateQueries({ queryKey });
    // queryKey is compared by its text, `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, initial.at, live, queryClient]);
  // Never undefined: the query starts from `initial`.
  return data ?? initial.data;
}
