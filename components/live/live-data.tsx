"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { CLOCK_MARGIN_MS, parseMessage, streamMessageSchema } from "@/lib/live/message";
import { overlaps, staleKeys } from "@/lib/live/query-keys";
import { useSerialRefresh } from "./use-serial-refresh";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "offline" | "stopped";

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
// How long a form that saved a change waits for the stream to report it before refetching itself.
// Later than that, the change is fetched twice: slower, never wrong.
const OWN_CHANGE_WAIT_MS = 5_000;
// How long the tab remembers which data changed when: long enough for a page read before a change
// and drawn after it (a navigation racing the stream) to learn it is behind.
const HEARD_KEEP_MS = 60_000;
// Forgetting is a pass over what is kept: done once it holds this many keys, not at every message.
const HEARD_PRUNE_SIZE = 500;
// In a burst of changes (an alert storm opening incidents, a fan-out sending hundreds of pages) a
// query refetches at most once in this long: the first change after a quiet spell refetches at once.
const BURST_REFETCH_SPACING_MS = 1_000;

/** Resolves after `ms` (at once if none), or when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = window.setTimeout(done, ms);
    function done() {
      window.clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done);
  });
}

/** What a tab's live data offers the views and forms in it. */
export interface Live {
  /**
   * After this tab saved a change to `key`: the stream's report of it refetches it, or this does if
   * none comes. Settles once the data is fetched again.
   */
  afterWrite(key: QueryKey): Promise<void>;
  /** Whether a change to data under `key` was heard at `at` (a server clock, ms) or later, give or take the clocks' margin. */
  heardSince(key: QueryKey, at: number): boolean;
}

const LiveContext = createContext<Live | null>(null);

/** The tab's live data; null outside a signed-in page, where nothing is live. */
export function useLive(): Live | null {
  return useContext(LiveContext);
}

/** What a form calls once its change is saved: see `Live.afterWrite`; outside live pages, a plain refetch. */
export function useAfterWrite(): (key: QueryKey) => Promise<void> {
  const live = useLive();
  const queryClient = useQueryClient();
  return useCallback((key) => live?.afterWrite(key) ?? queryClient.invalidateQueries({ queryKey: key }), [live, queryClient]);
}

interface TabState {
  connected: boolean;
  /** The last time each key was named by a change, by the key's text: bounded by the records changed lately. */
  heard: Map<string, { key: QueryKey; at: number }>;
  waiting: { key: QueryKey; timer: number; done: () => void }[];
  invalidate: (keys: readonly QueryKey[] | null) => Promise<void>;
}

/**
 * Keeps this tab's data current with changes made anywhere: the server's change stream says which
 * record changed (topic and id), and only the queries about that record, and the lists, refetch.
 * A page drawn on the server with no query for the change is rendered again instead.
 *
 * `since` is when the server rendered this page: the stream first sends what changed after it, and
 * on reconnecting, what changed after the last change heard ("reload everything" only when the
 * server cannot know).
 */
export function LiveData({ since, children }: { since: number; children: React.ReactNode }) {
  const queryClient = useQueryClient();
  const refresh = useSerialRefresh();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  // The first render's: a refreshed layout brings a new one, and the stream must not reconnect for it.
  const [firstSince] = useState(since);
  const tab = useRef<TabState>({ connected: false, heard: new Map(), waiting: [], invalidate: async () => {} });

  useEffect(() => {
    const state = tab.current;
    let source: EventSource | null = null;
    let retryTimer: number | undefined;
    let failures = 0;
    // The last change heard, on the server's clock: where a new connection picks up.
    let lastAt = firstSince;
    let pruneAtSize = HEARD_PRUNE_SIZE;
    // Aborted on unmount: ends a retry in flight, and anything scheduled after.
    const mounted = new AbortController();

    const refreshSoon = () => {
      if (!mounted.signal.aborted) refresh();
    };
    // One refetch of a query at a time, and one more if changes came meanwhile, no sooner than
    // BURST_REFETCH_SPACING_MS after the one before: refetching at every change would cancel the
    // refetch in flight each time, under a steady stream of changes none would ever finish, and a
    // storm's changes would keep the tab and the server busy refetching.
    const refetching = new Map<string, { again: boolean; done: Promise<void> }>();
    // A page that draws a topic from queries (an incident page, incidents) refetches those the change
    // names, and only those. One that draws none of it (the server-rendered overview, the runs on an
    // incident page) is rendered again instead, once per burst: a refresh renders the page on the
    // server and prefetches every link on it again, about twenty requests on the incident list.
    // Settles once the data is fetched again, including for changes that came meanwhile.
    const invalidateOne = (queryKey?: QueryKey): Promise<void> => {
      const id = JSON.stringify(queryKey ?? null);
      const running = refetching.get(id);
      if (running) {
        running.again = true;
        return running.done;
      }
      const entry = { again: true, done: Promise.resolve() };
      refetching.set(id, entry);
      entry.done = (async () => {
        let startedAt: number | undefined;
        while (entry.again && !mounted.signal.aborted) {
          if (startedAt !== undefined) await pause(startedAt + BURST_REFETCH_SPACING_MS - performance.now(), mounted.signal);
          if (mounted.signal.aborted) break;
          startedAt = performance.now();
          entry.again = false;
          const topic = queryKey?.slice(0, 1);
          // The shell's own queries (the tab's count of waiting incidents) are on every page and say
          // nothing about what the page itself draws.
          const drawnFromQueries =
            topic !== undefined && queryClient.getQueryCache().findAll({ queryKey: topic, type: "active", predicate: (query) => !query.meta?.shell }).length > 0;
          await queryClient.invalidateQueries({ queryKey }).catch(() => undefined);
          if (!drawnFromQueries) refreshSoon();
        }
        refetching.delete(id);
      })();
      return entry.done;
    };
    state.invalidate = async (keys) => {
      if (keys === null) await invalidateOne();
      else await Promise.all(keys.map((key) => invalidateOne(key)));
    };

    // A form waiting for its own change to be reported, told it was: the refetch is `refetched`.
    const settleWaiting = (keys: readonly QueryKey[] | null, refetched: Promise<void>) => {
      state.waiting = state.waiting.filter((waiting) => {
        const reported = keys === null || keys.some((key) => overlaps(key, waiting.key));
        if (reported) {
          window.clearTimeout(waiting.timer);
          void refetched.finally(waiting.done);
        }
        return !reported;
      });
    };

    const onMessage = (event: MessageEvent<string>) => {
      const message = parseMessage(streamMessageSchema, event.data);
      if (!message) return;
      const keys = staleKeys(message);
      if (message.at !== undefined && keys) {
        lastAt = Math.max(lastAt, message.at);
        const forgetBefore = lastAt - HEARD_KEEP_MS;
        for (const key of keys) state.heard.set(JSON.stringify(key), { key, at: message.at });
        if (state.heard.size > pruneAtSize) {
          for (const [text, heard] of state.heard) if (heard.at < forgetBefore) state.heard.delete(text);
          // A storm that keeps more keys fresh than that is pruned again only once they double.
          pruneAtSize = Math.max(HEARD_PRUNE_SIZE, state.heard.size * 2);
        }
      }
      // Only the worker banner reads it, and only admins' and commanders' pages have one: nothing to refresh elsewhere.
      const refetched = message.topic === "workers" ? queryClient.invalidateQueries({ queryKey: keys?.[0] }) : state.invalidate(keys);
      settleWaiting(keys, refetched);
    };

    const disconnect = () => {
      source?.close();
      source = null;
      state.connected = false;
      window.clearTimeout(retryTimer);
    };

    const connect = () => {
      disconnect();
      const opened = new EventSource(`/api/live?since=${lastAt}`);
      source = opened;
      opened.onmessage = onMessage;
      opened.onopen = () => {
        failures = 0;
        state.connected = true;
        setStatus("live");
      };
      // Reconnected here rather than by the browser, so the new connection asks for what changed
      // after the last change heard; a refused stream (any answer but 200) is asked why.
      opened.onerror = () => {
        disconnect();
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
      settleWaiting(null, Promise.resolve());
    };
  }, [queryClient, refresh, firstSince]);

  const live = useMemo<Live>(
    () => ({
      afterWrite(key) {
        const state = tab.current;
        if (!state.connected) return state.invalidate([key]);
        return new Promise<void>((done) => {
          const timer = window.setTimeout(() => {
            state.waiting = state.waiting.filter((waiting) => waiting.timer !== timer);
            void state.invalidate([key]).finally(done);
          }, OWN_CHANGE_WAIT_MS);
          state.waiting.push({ key, timer, done });
        });
      },
      heardSince(key, at) {
        for (const heard of tab.current.heard.values()) if (heard.at >= at - CLOCK_MARGIN_MS && overlaps(heard.key, key)) return true;
        return false;
      },
    }),
    [],
  );

  return (
    <LiveContext value={live}>
      {children}
      <LiveStatusNote status={status} />
    </LiveContext>
  );
}

const appearance: Record<LiveStatus, { label: string; dot: string }> = {
  connecting: { label: "Connecting…", dot: "bg-slate-400" },
  live: { label: "Live", dot: "bg-emerald-500" },
  reconnecting: { label: "Reconnecting…", dot: "bg-amber-500" },
  offline: { label: "Offline", dot: "bg-amber-500" },
  stopped: { label: "Live updates stopped: sign in again", dot: "bg-red-500" },
};

/** Says whether this tab's data is current. */
function LiveStatusNote({ status }: { status: LiveStatus }) {
  const { label, dot } = appearance[status];
  return (
    <p
      data-testid="live-status"
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed bottom-3 right-3 z-30 flex items-center gap-1.5 rounded-full border border-slate-200 bg-white px-2.5 py-1 text-xs text-slate-700 shadow-sm"
    >
      <span aria-hidden="true" className={`size-2 rounded-full ${dot}`} />
      {label}
    </p>
  );
}
