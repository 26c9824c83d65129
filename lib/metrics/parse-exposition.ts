// The tests' reader of Prometheus text format 0.0.4: strict, so a malformed exposition fails them.

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  name: string;
  help: string;
  type: string;
  samples: Sample[];
}

const NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)$`);
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(?:,|$)/y;
const SUFFIXES: Record<string, string[]> = { summary: ["_sum", "_count"], histogram: ["_sum", "_count", "_bucket"] };

const unescape = (text: string) => text.replace(/\\(.)/g, (_, char: string) => (char === "n" ? "\n" : char));

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const match = LABEL.exec(text);
    if (!match) throw new Error(`malformed labels in "${line}"`);
    if (match[1]! in labels) throw new Error(`label ${match[1]} repeated in "${line}"`);
    labels[match[1]!] = unescape(match[2]!);
  }
  return labels;
}

function parseValue(text: string, line: string): number {
  const value = text === "+Inf" ? Infinity : text === "-Inf" ? -Infinity : Number(text);
  if (Number.isNaN(value) && text !== "NaN") throw new Error(`malformed value in "${line}"`);
  return value;
}

/** Families by name. Every sample must follow its family's HELP and TYPE lines. */
export function parseExposition(text: string): Map<string, MetricFamily> {
  const families = new Map<string, MetricFamily>();
  let current: MetricFamily | undefined;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const comment = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
    if (comment) {
      const [, kind, name, rest] = comment as unknown as [string, "HELP" | "TYPE", string, string];
      if (kind === "HELP") {
        if (families.has(name)) throw new Error(`${name} described twice`);
        current = { name, help: unescape(rest), type: "", samples: [] };
        families.set(name, current);
      } else {
        if (current?.name !== name) throw new Error(`TYPE of ${name} without its HELP just before`);
        current.type = rest;
      }
      continue;
    }
    if (line.startsWith("#")) continue;
    const sample = SAMPLE.exec(line);
    if (!sample) throw new Error(`malformed line "${line}"`);
    const [, name, labels, value] = sample as unknown as [string, string, string | undefined, string];
    const allowed = [current?.name, ...(SUFFIXES[current?.type ?? ""] ?? []).map((suffix) => `${current?.name}${suffix}`)];
    if (!current?.type || !allowed.includes(name)) throw new Error(`sample "${line}" outside its family's HELP and TYPE`);
    current.samples.push({ name, labels: labels ? parseLabels(labels, line) : {}, value: parseValue(value, line) });
  }
  return families;
}
