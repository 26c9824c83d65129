import { z } from "zod";
import type { Db, Tx } from "@/lib/db/client";
import type { Actor, SystemActor } from "@/lib/timeline/actor";
import { recordAudit } from "@/lib/timeline/audit";
import { publishChange } from "@/lib/live/publish";
import { findUnknownPlaceholders, renderTemplate } from "@/lib/templates/render";

// What a post-mortem template may say about its incident; filled once, when the post-mortem is created.
export const POSTMORTEM_PLACEHOLDERS = [
  { name: "reference", description: "The incident's reference, e.g. INC-42" },
  { name: "title", description: "The incident's title" },
  { name: "severity", description: "The incident's severity" },
  { name: "systems", description: "The affected systems, comma-separated" },
  { name: "commander", description: "Who commanded the incident" },
  { name: "declaredAt", description: "When the incident was declared, in UTC" },
  { name: "duration", description: "From declaration to resolution" },
  { name: "impact", description: "The impact stated when the incident was declared" },
  { name: "dataLoss", description: "The data loss recorded at resolution, against the RPO" },
  { name: "detection", description: "When and by whom the incident was declared" },
  { name: "response", description: "The first acknowledgement: when, by whom, how and how long after declaration; or that nobody acknowledged" },
  { name: "resolution", description: "When it was resolved, and how" },
  { name: "prevention", description: "What the resolution says will stop it happening again" },
  { name: "followUp", description: "The follow-up work the resolution names" },
  { name: "events", description: "Every event on the incident's timeline, one line each" },
] as const;

export type PostmortemValues = Record<(typeof POSTMORTEM_PLACEHOLDERS)[number]["name"], string>;

// The plan's template, with its overview and timeline lines filled from the incident. Its Action Items
// section becomes the list of the post-mortem's tracked action items (the kinds it names are the tracker's).
export const DEFAULT_POSTMORTEM_TEMPLATE = `# Incident Post-Mortem

## Incident Overview
- Date/Time: {{declaredAt}}
- Duration: {{duration}}
- Impact: {{impact}}
- Root Cause:

## Timeline
- Detection: {{detection}}
- Response: {{response}}
- Resolution: {{resolution}}
- Prevention: {{prevention}}
- Follow-up: {{followUp}}

{{events}}

## Analysis
- What went well:
- What went wrong:
- What could be improved:

## Action Items
1. Short-term fixes
2. Long-term improvements
3. Process updates
`;

/**
 * The section a post-mortem lists its tracked action items in (the plan's "Action Items"): the
 * tracker is where they are written, so a new post-mortem copies no text into it.
 */
export const isActionItemsHeading = (heading: string) => /^action items?$/i.test(heading.trim());

export interface TemplateSection {
  heading: string;
  body: string;
}

const MAX_TEMPLATE_LENGTH = 20_000;

/**
 * Splits Markdown at its `## ` headings (outside code fences). Text before the first section,
 * apart from a `# ` title line, is returned as `preamble` so validation can refuse it.
 */
export function splitSections(markdown: string): { preamble: string; sections: TemplateSection[] } {
  const sections: TemplateSection[] = [];
  const preamble: string[] = [];
  let current: { heading: string; lines: string[] } | null = null;
  let fenced = false;
  const flush = () => {
    if (current) sections.push({ heading: current.heading, body: current.lines.join("\n").replace(/^\n+|\s+$/g, "") });
  };
  for (const line of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^## +(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      current = { heading: heading[1]!, lines: [] };
    } else if (current) {
      current.lines.push(line);
    } else if (!/^# /.test(line)) {
      preamble.push(line);
    }
  }
  flush();
  return { preamble: preamble.join("\n").trim(), sections };
}

export const postmortemTemplateSchema = z
  .string("Template must be text")
  .trim()
  .min(1, "Template cannot be empty")
  .max(MAX_TEMPLATE_LENGTH, `Template must be at most ${MAX_TEMPLATE_LENGTH} characters`)
  .superRefine((text, context) => {
    for (const message of findUnknownPlaceholders(text, POSTMORTEM_PLACEHOLDERS)) context.addIssue({ code: "custom", message });
    const { preamble, sections } = splitSections(text);
    if (sections.length === 0) context.addIssue({ code: "custom", message: 'Template needs at least one section: start it with a "## " heading' });
    if (preamble !== "") context.addIssue({ code: "custom", message: 'Text before the first "## " heading would be lost: move it into a section' });
    const headings = sections.map((section) => section.heading.toLowerCase());
    const repeated = headings.find((heading, index) => headings.indexOf(heading) !== index);
    if (repeated !== undefined) context.addIssue({ code: "custom", message: `Section headings must differ: "${repeated}" appears twice` });
  });

const TEMPLATE_KEY = "postmortem.template";

export async function getPostmortemTemplate(db: Db | Tx): Promise<string> {
  const setting = await db.setting.findUnique({ where: { key: TEMPLATE_KEY }, select: { value: true } });
  const parsed = z.object({ text: postmortemTemplateSchema }).safeParse(setting?.value);
  return parsed.success ? parsed.data.text : DEFAULT_POSTMORTEM_TEMPLATE;
}

/** Saves an admin's template; `text` must already have passed postmortemTemplateSchema. */
export async function setPostmortemTemplate(db: Db, text: string, actor: Actor | SystemActor): Promise<void> {
  await db.$transaction(async (tx) => {
    const value = { text };
    await tx.setting.upsert({ where: { key: TEMPLATE_KEY }, create: { key: TEMPLATE_KEY, value }, update: { value } });
    await recordAudit(tx, { actor, action: "settings.postmortem_template_changed", targetType: "setting", targetId: TEMPLATE_KEY });
    await publishChange(tx, { topic: "settings" });
  });
}

const RESOLUTION_DETAILS = [
  { name: "prevention", label: "Prevention" },
  { name: "followUp", label: "Follow-up" },
] as const;

const mentions = (template: string, placeholder: string) => new RegExp(`\\{\\{\\s*${placeholder}\\s*\\}\\}`).test(template);

/**
 * What the resolver wrote about prevention and follow-up belongs with the resolution: a template
 * saved without {{prevention}} or {{followUp}} gets them as lines after its {{resolution}} line.
 */
function withResolutionDetails(template: string): string {
  const missing = RESOLUTION_DETAILS.filter((detail) => !mentions(template, detail.name));
  const lines = template.replace(/\r\n?/g, "\n").split("\n");
  const at = lines.findIndex((line) => mentions(line, "resolution"));
  if (missing.length === 0 || at === -1) return template;
  const [, indent = "", bullet = "-"] = /^(\s*)(?:([-*+])\s)?/.exec(lines[at]!) ?? [];
  lines.splice(at + 1, 0, ...missing.map((detail) => `${indent}${bullet} ${detail.label}: {{${detail.name}}}`));
  return lines.join("\n");
}

/** The template's sections with the incident's facts filled in; the action items section starts empty. */
export function fillTemplate(template: string, values: PostmortemValues): TemplateSection[] {
  return splitSections(withResolutionDetails(template)).sections.map((section) => {
    const heading = renderTemplate(section.heading, values, POSTMORTEM_PLACEHOLDERS);
    return { heading, body: isActionItemsHeading(heading) ? "" : renderTemplate(section.body, values, POSTMORTEM_PLACEHOLDERS) };
  });
}
