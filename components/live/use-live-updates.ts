"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { healthKeys } from "@/lib/health/report";
import { incidentKeys, postmortemKeys, runKeys, settingsKeys } from "@/lib/incidents/query-keys";
import { useSerialRefresh } from "./use-serial-refresh";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "offline" | "stopped";

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

function topicOf(data: string): string | null {
  try {
    const message: unknown = JSON.parse(data);
    return typeof message === "object" && message !== null && "topic" in message ? String(message.topic) : null;
  } catch {
    return null;
  }
}

/** Turns the server's change stream into query invalidations and server-component refreshes. */
export function useLiveUpdates(): LiveStatus {
  const queryClient = useQueryClient();
  const refresh = useSerialRefresh();
  const [status, setStatus] = useState<LiveStatus>("connecting");

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: number | undefined;
    let failures = 0;
    // Set while disconnected: changes may have been missed, so the next connection reloads everything.
    let missed = false;
    // The page's data was read before the stream opened; what changed in between would be lost.
    let first = true;
    // Aborted on unmount: ends a retry in flight, and anything scheduled after.
    const mounted = new AbortController();

    const refreshSoon = () => {
      if (!mounted.signal.aborted) refresh();
    };
    // One refetch of a query at a time, and one more if changes came meanwhile: refetching at every
    // change would cancel the refetch in flight each time, and under a steady stream of changes none
    // would ever finish.
    const refetching = new Map<string, { again: boolean }>();
    // A page drawn from queries refetches them. One with no query for the change (the server-rendered
    // overview) is refreshed instead, once per burst: a refresh renders the page again on the server
    // and prefetches every link on it again, about twenty requests on the incident list.
    const invalidate = (queryKey?: QueryKey) => {
      const id = JSON.stringify(queryKey ?? null);
      const running = refetching.get(id);
      if (running) {
        running.again = true;
        return;
      }
      const entry = { again: false };
      refetching.set(id, entry);
      const drawnFromQueries = queryKey !== undefined && queryClient.getQueryCache().findAll({ queryKey, type: "active" }).length > 0;
      void queryClient.invalidateQueries({ queryKey }).finally(() => {
        refetching.delete(id);
        if (!drawnFromQueries) refreshSoon();
        if (entry.again && !mounted.signal.aborted) invalidate(queryKey);
      });
    };

    const onMessage = (event: MessageEvent<string>) => {
      const topic = topicOf(event.data);
      if (topic === "incident") invalidate(incidentKeys.all);
      else if (topic === "settings") invalidate(settingsKeys.all);
      else if (topic === "run") invalidate(runKeys.all);
      else if (topic === "postmortem") invalidate(postmortemKeys.all);
      // No query draws backups: the server-rendered Backups page is refreshed.
      else if (topic === "backups") invalidate(["backups"]);
      // Only the worker banner reads it, and only admins' and commanders' pages have one: nothing to refresh elsewhere.
      else if (topic === "workers") void queryClient.invalidateQueries({ queryKey: healthKeys.all });
      else if (topic === "resync") invalidate();
    };

    const disconnect = () => {
      source?.close();
      source = null;
      window.clearTimeout(retryTimer);
    };

    const connect = () => {
      disconnect();
      const opened = new EventSource("/api/live");
      source = opened;
      opened.onmessage = onMessage;
      opened.onopen = () => {
        failures = 0;
        setStatus("live");
        if (missed) {
          missed = false;
          invalidate();
        } else if (first) {
          // Queries only: a server-rendered page is not drawn again for a gap of a moment.
          void queryClient.invalidateQueries({ type: "active" });
        }
        first = false;
      };
      opened.onerror = () => {
        missed = true;
        // A dropped stream is retried by the browser itself; a refused one (any answer but 200) is not.
        if (opened.readyState !== EventSource.CLOSED) {
          setStatus("reconnecting");
          return;
        }
        source = null;
        setStatus(navigator.onLine ? "reconnecting" : "offline");
        scheduleRetry();
      };
    };

    const scheduleRetry = () => {
      window.clearTimeout(retryTimer);
      retryTimer = window.setTimeout(() => void retry(), Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** failures));
      failures += 1;
    };

    // Asks why the stream was refused: a session that ended means stop, anything else means try again.
    const retry = async () => {
      const response = await fetch("/api/live", { cache: "no-store", signal: mounted.signal }).catch(() => null);
      void response?.body?.cancel();
      if (mounted.signal.aborted || source) return;
      if (response?.status === 401 || response?.status === 403) setStatus("stopped");
      else if (response?.ok) connect();
      else scheduleRetry();
    };

    const onOffline = () => {
      disconnect();
      missed = true;
      setStatus("offline");
    };
    const onOnline = () => {
      failures = 0;
      setStatus("reconnecting");
      connect();
    };

    connect();
    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);
    return () => {
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      mounted.abort();
      disconnect();
    };
  }, [queryClient, refresh]);

  return status;
}
