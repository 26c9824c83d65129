/** Reduces a redirect target to a path on this site, so a link can never send someone elsewhere. */
export function localPath(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || target === "") return fallback;
  try {
    const url = new URL(target, "http://firebreak.invalid");
    const path = url.pathname + url.search + url.hash;
    return path.startsWith("//") ? fallback : path;
  } catch {
    return fallback;
  }
}
