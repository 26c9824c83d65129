"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useTransition } from "react";

const REFRESH_DELAY_MS = 300;

/**
 * Renders the server-rendered page again after changes: at most one refresh in flight and one
 * waiting, starting REFRESH_DELAY_MS after the first change of a burst. A page that is paging
 * people hears of a change every few hundred milliseconds; a delay that restarted with each, or a
 * refresh started at each that replaced the one in flight, would never show anything.
 */
export function useSerialRefresh(): () => void {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const state = useRef({ timer: undefined as number | undefined, inFlight: false, again: false });

  const refreshSoon = useCallback(() => {
    const current = state.current;
    if (current.timer !== undefined || current.inFlight) {
      current.again = true;
      return;
    }
    current.timer = window.setTimeout(() => {
      current.timer = undefined;
      current.inFlight = true;
      startRefresh(() => router.refresh());
    }, REFRESH_DELAY_MS);
  }, [router]);

  useEffect(() => {
    const current = state.current;
    if (refreshing || !current.inFlight) return;
    current.inFlight = false;
    if (current.again) {
      current.again = false;
      refreshSoon();
    }
  }, [refreshing, refreshSoon]);

  useEffect(() => () => window.clearTimeout(state.current.timer), []);
  return refreshSoon;
}
