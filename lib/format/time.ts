/** "1h 05m", "12m 30s", "45s": a span as people read a countdown. */
export function formatSpan(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(Math.abs(totalSeconds)));
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, "0")}m`;
  if (minutes > 0) return `${minutes}m ${String(rest).padStart(2, "0")}s`;
  return `${rest}s`;
}

// One formatter per zone for the process: building one per call was a tenth of a list page's render time.
const timestampFormats = new Map<string, Intl.DateTimeFormat>();

function formatIn(zone: string): Intl.DateTimeFormat {
  let format = timestampFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: zone });
    timestampFormats.set(zone, format);
  }
  return format;
}

const zoneNameFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's short name at that moment ("BST", "GMT-5", "CET"): the same zone reads differently across a DST change. */
function zoneName(date: Date, zone: string): string {
  let format = zoneNameFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone: zone, timeZoneName: "short" });
    zoneNameFormats.set(zone, format);
  }
  return format.formatToParts(date).find((part) => part.type === "timeZoneName")?.value ?? zone;
}

/** "3 Dec 2026, 16:37 UTC", or in another IANA zone "3 Dec 2026, 17:37 CET": the one way Firebreak writes a moment. */
export function formatTimestamp(iso: string, zone = "UTC"): string {
  const date = new Date(iso);
  if (zone === "UTC") return `${formatIn("UTC").format(date)} UTC`;
  return `${formatIn(zone).format(date)} ${zoneName(date, zone)}`;
}

const UTC_ALIASES = new Set(["Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "UCT", "Universal", "Zulu", "Etc/GMT", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "GMT", "GMT0", "Etc/Greenwich", "Greenwich"]);

/** The zone as Firebreak names it: every alias of UTC (a server's "Etc/UTC") is "UTC". */
export function canonicalZone(zone: string): string {
  return UTC_ALIASES.has(zone) ? "UTC" : zone;
}

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
