"use client";

import { useEffect, useEffectEvent, useState } from "react";
import { outageFrom, type Outage } from "@/lib/health/report";

/** Why a page failed: still asking, an outage being waited out, or the page itself. */
export type FailureCause = "checking" | NonNullable<Outage> | "page";

const FIRST_CHECK_MS = 1_000;
const MAX_CHECK_MS = 5_000;

/**
 * Asks GET /api/health why a page failed, since a production build hides the error's message. While
 * the database or the server is down it asks again, more slowly each time, and renders the page
 * again once it answers. This is the one place that polls: the live stream is down with the database.
 */
export function usePageRecovery(error: unknown, retry: () => void): FailureCause {
  const [cause, setCause] = useState<FailureCause>("checking");
  const renderAgain = useEffectEvent(retry);

  // Again for each error: a page rendered again after an outage may fail anew, for any reason.
  useEffect(() => {
    const unmounted = new AbortController();
    let timer: number | undefined;
    const check = async (attempt: number) => {
      const response = await fetch("/api/health", { cache: "no-store", signal: unmounted.signal }).catch(() => null);
      const outage = await outageFrom(response);
      if (unmounted.signal.aborted) return;
      if (outage) {
        setCause(outage);
        timer = window.setTimeout(() => void check(attempt + 1), Math.min(MAX_CHECK_MS, FIRST_CHECK_MS * 2 ** attempt));
      } else if (attempt === 0) {
        setCause("page");
      } else {
        renderAgain();
      }
    };
    void check(0);
    return () => {
      unmounted.abort();
      window.clearTimeout(timer);
    };
  }, [error]);

  return cause;
}
