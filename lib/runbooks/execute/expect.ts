type Scalar = string | number | boolean | null;

/** A number, or text holding one: decimal ("42", as PostgreSQL sends a count) or hex ("0x2a", as JSON-RPC does). */
function numeric(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && /^(0x[0-9a-f]+|-?\d+(\.\d+)?)$/i.test(value)) return Number(value);
  return null;
}

/** "0x5 (5)" for hex, the value itself otherwise. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return /^0x/i.test(value) && numeric(value) !== null ? `${value} (${numeric(value)})` : value;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function same(actual: unknown, expected: Scalar): boolean {
  const [a, b] = [numeric(actual), numeric(expected)];
  return a !== null && b !== null ? a === b : actual === expected;
}

/** Why `label = value` fails the check, or null when it passes (or there is nothing to check). */
export function expectationProblem(label: string, value: unknown, expect: { min?: number; equals?: Scalar }): string | null {
  const shown = `${label} = ${describeValue(value)}`;
  if (expect.min !== undefined) {
    const number = numeric(value);
    if (number === null) return `${shown}: not a number`;
    if (number < expect.min) return `${shown}, expected at least ${expect.min}`;
  }
  if (expect.equals !== undefined && !same(value, expect.equals)) return `${shown}, expected ${describeValue(expect.equals)}`;
  return null;
}
