/** "archive=chain-data-latest.tar.gz, seconds=300": a run's parameters on one line. */
export function parameterText(parameters: Record<string, unknown>): string {
  return Object.entries(parameters)
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(", ");
}
