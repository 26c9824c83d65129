import { PLACEHOLDERS } from "./placeholders";

// Pure: the settings page runs this in the browser as people type, the paging worker on the server.
// Notification templates use PLACEHOLDERS; other templates (the post-mortem's) bring their own.

export type PlaceholderCatalogue = readonly { name: string; description: string }[];

type TemplatePart =
  | { type: "text"; text: string }
  | { type: "placeholder"; name: string }
  | { type: "unknown"; name: string; raw: string }
  | { type: "malformed"; raw: string };

export interface TemplateProblem {
  /** The offending text as written, e.g. "{{sevrity}}" or "{{severity". */
  raw: string;
  message: string;
}

const isBoundary = (character: string | undefined) => character === undefined || /[\s{}]/.test(character);

function firstOf(...positions: number[]): number {
  return Math.min(...positions.filter((position) => position !== -1));
}

/** Splits a template into text and `{{ name }}` placeholders; anything brace-like but broken is "malformed". */
function parseTemplate(text: string, catalogue: PlaceholderCatalogue): TemplatePart[] {
  const isKnown = (name: string) => catalogue.some((placeholder) => placeholder.name === name);
  const parts: TemplatePart[] = [];
  let textStart = 0;
  const pushText = (end: number) => {
    if (end > textStart) parts.push({ type: "text", text: text.slice(textStart, end) });
  };
  for (;;) {
    const open = text.indexOf("{{", textStart);
    const strayClose = text.indexOf("}}", textStart);
    if (open === -1 && strayClose === -1) break;
    if (strayClose !== -1 && (open === -1 || strayClose < open)) {
      // "severity}}": report the word the braces close.
      let start = strayClose;
      while (start > textStart && !isBoundary(text[start - 1])) start -= 1;
      pushText(start);
      parts.push({ type: "malformed", raw: text.slice(start, strayClose + 2) });
      textStart = strayClose + 2;
      continue;
    }
    const close = text.indexOf("}}", open + 2);
    const inner = close === -1 ? null : text.slice(open + 2, close);
    pushText(open);
    if (inner === null || /[{}\n]/.test(inner)) {
      // Unclosed on its line, or opened again before closing: "{{severity".
      const end = firstOf(text.indexOf("{{", open + 2), text.indexOf("\n", open), text.length);
      parts.push({ type: "malformed", raw: text.slice(open, end) });
      textStart = end;
      continue;
    }
    const name = inner.trim();
    const raw = text.slice(open, close + 2);
    if (name === "") parts.push({ type: "malformed", raw });
    else if (isKnown(name)) parts.push({ type: "placeholder", name });
    else parts.push({ type: "unknown", name, raw });
    textStart = close + 2;
  }
  pushText(text.length);
  return parts;
}

/** Every unknown or malformed placeholder, once each, in order of appearance. */
export function templateProblems(text: string, catalogue: PlaceholderCatalogue = PLACEHOLDERS): TemplateProblem[] {
  const knownNames = catalogue.map((placeholder) => placeholder.name).join(", ");
  const problems = new Map<string, TemplateProblem>();
  for (const part of parseTemplate(text, catalogue)) {
    if (part.type === "unknown") {
      const message = `Unknown placeholder {{${part.name}}}; use one of: ${knownNames}`;
      problems.set(message, { raw: part.raw, message });
    } else if (part.type === "malformed") {
      const raw = part.raw.trim();
      const message = `Malformed placeholder "${raw}": write placeholders as {{name}}`;
      problems.set(message, { raw, message });
    }
  }
  return [...problems.values()];
}

/** The error messages for a template's unknown and malformed placeholders, each naming what is wrong; empty when it is valid. */
export function findUnknownPlaceholders(text: string, catalogue: PlaceholderCatalogue = PLACEHOLDERS): string[] {
  return templateProblems(text, catalogue).map((problem) => problem.message);
}

/** Removes the indentation every line shares, as in the plan's indented template literals. */
function dedent(text: string): string {
  const lines = text.split("\n");
  const indents = lines.filter((line) => line.trim() !== "").map((line) => /^[ \t]*/.exec(line)![0].length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common)).join("\n");
}

/** Plain-text substitution (SMS and text email need no escaping); unknown placeholders stay as written. */
export function renderTemplate<V extends Record<string, string>>(text: string, values: V, catalogue: PlaceholderCatalogue = PLACEHOLDERS): string {
  const rendered = parseTemplate(dedent(text.replace(/\r\n?/g, "\n")), catalogue)
    .map((part) => (part.type === "text" ? part.text : part.type === "placeholder" ? values[part.name] : part.raw))
    .join("");
  return rendered
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/^\n+|\n+$/g, "");
}
