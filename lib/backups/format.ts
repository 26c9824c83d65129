/**
 * The size trend shows a system's last good backup of each day for this many days (backups inside a
 * 5-minute RPO come every few minutes: a day is the scale a size trend is read at).
 */
export const SIZE_TREND_DAYS = 30;

const UNITS = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB"];

/** "512 bytes", "1.5 GiB": a size as people read it. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  return `${value >= 100 ? Math.round(value) : Number(value.toFixed(1))} ${UNITS[unit]}`;
}

/** The start of a checksum, enough to compare by eye; "sha256:" style prefixes are kept. */
export function shortChecksum(checksum: string, length = 12): string {
  return checksum.length <= length + 1 ? checksum : `${checksum.slice(0, length)}…`;
}
