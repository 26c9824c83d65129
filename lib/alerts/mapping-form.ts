import { z } from "zod";
import { LABEL_NAME, type AlertMapping } from "./mapping";

// The settings form speaks text: "value = severity" lines and comma-separated label names.

const MAPPING_LINE = /^\s*([^=]+?)\s*=\s*(\S+)\s*$/;

const severityMapText = z.string("Severity map is required").transform((text, context) => {
  const map: Record<string, string> = {};
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    const match = MAPPING_LINE.exec(line);
    if (!match) {
      context.addIssue({ code: "custom", message: `Line ${index + 1}: write "label value = severity key", e.g. "warning = medium"` });
      continue;
    }
    map[match[1]!.toLowerCase()] = match[2]!;
  }
  if (Object.keys(map).length > 50) context.addIssue({ code: "custom", message: "Use at most 50 lines" });
  return map;
});

const systemLabelsText = z.string().transform((text, context) => {
  const labels = [...new Set(text.split(/[\s,]+/).filter(Boolean))];
  for (const label of labels.filter((name) => !LABEL_NAME.test(name))) {
    context.addIssue({ code: "custom", message: `"${label}" is not a Prometheus label name (letters, digits and _)` });
  }
  if (labels.length > 10) context.addIssue({ code: "custom", message: "Use at most 10 system labels" });
  return labels;
});

export const alertMappingFormSchema = z.object({
  severityLabel: z.string("Severity label is required").trim().regex(LABEL_NAME, "Severity label must be a Prometheus label name (letters, digits and _)"),
  severityMap: severityMapText,
  defaultSeverity: z.string("Choose a default severity").min(1, "Choose a default severity"),
  systemLabels: systemLabelsText,
  // "" is the select's "no system".
  defaultSystem: z.string().optional().transform((key) => key || null),
  // An unchecked checkbox sends nothing.
  resolveIncidents: z.literal("on", "Resolve incidents is a checkbox: send \"on\" or nothing").optional().transform((value) => value === "on"),
});

export type AlertMappingForm = z.input<typeof alertMappingFormSchema>;

/** The text the form starts from, so that saving it unchanged gives the same mapping. */
export function mappingToForm(mapping: AlertMapping): Required<Omit<AlertMappingForm, "resolveIncidents">> & { resolveIncidents: boolean } {
  return {
    severityLabel: mapping.severityLabel,
    severityMap: Object.entries(mapping.severityMap)
      .map(([value, severity]) => `${value} = ${severity}`)
      .join("\n"),
    defaultSeverity: mapping.defaultSeverity,
    systemLabels: mapping.systemLabels.join(", "),
    defaultSystem: mapping.defaultSystem ?? "",
    resolveIncidents: mapping.resolveIncidents,
  };
}
