// The plan's recovery-tests.yml names systems loosely ("all", "node", "database"); the catalogue has keys.

/** The catalogue's systems a drill of this schedule covers by default: "all" is every one; other names count when they are keys. */
export function defaultDrillSystems(scheduleSystems: string[], catalogueKeys: string[]): string[] {
  if (scheduleSystems.some((name) => name.toLowerCase() === "all")) return [...catalogueKeys];
  const named = new Set(scheduleSystems.map((name) => name.toLowerCase()));
  return catalogueKeys.filter((key) => named.has(key.toLowerCase()));
}
