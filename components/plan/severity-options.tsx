/** The configured severities as a select's options: "critical — …". */
export function SeverityOptions({ severities }: { severities: { key: string; description: string }[] }) {
  return severities.map((severity) => (
    <option key={severity.key} value={severity.key}>
      {severity.key} — {severity.description}
    </option>
  ));
}
