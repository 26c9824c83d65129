"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { BROWSER_ZONE_COOKIE } from "@/lib/format/reader-zone";
import { canonicalZone } from "@/lib/format/time";

/**
 * Tells the server the browser's time zone (a cookie), so pages render times in it; when the page
 * was rendered in another zone for want of it, renders it again once.
 */
export function BrowserZone({ rendered, following }: { rendered: string; following: boolean }) {
  const router = useRouter();
  useEffect(() => {
    const zone = canonicalZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const entry = `${BROWSER_ZONE_COOKIE}=${encodeURIComponent(zone)}`;
    if (document.cookie.split("; ").includes(entry)) return;
    document.cookie = `${entry}; path=/; max-age=${60 * 60 * 24 * 400}; samesite=lax`;
    // Only when the cookie is new: a zone the server does not know would otherwise render again on every page.
    if (following && zone !== rendered) router.refresh();
  }, [rendered, following, router]);
  return null;
}
