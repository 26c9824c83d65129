import { canonicalZone, isTimeZone } from "./time";

// The zone a person reads times in: the one they chose on their account, else their browser's (which
// the browser reports in a cookie, so the server renders in it too), else UTC.

export const BROWSER_ZONE_COOKIE = "firebreak-tz";

export function readerZone(chosen: string | null, browserZone: string | undefined): string {
  if (chosen && isTimeZone(chosen)) return canonicalZone(chosen);
  if (browserZone && isTimeZone(browserZone)) return canonicalZone(browserZone);
  return "UTC";
}
