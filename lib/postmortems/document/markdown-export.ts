import { formatTimestamp } from "@/lib/format/time";
import { actionItemKindLabel, actionItemPriorityLabel, actionItemStatusLabel, type ActionItemView } from "@/lib/postmortems/action-items/view";
import { documentParts } from "./parts";
import { postmortemStatusLabel, type PostmortemDetail } from "./queries";

// What a post-mortem says about itself outside the editor: the Markdown download and the print view
// show the same facts and the same tracker columns, so both are built here.

export interface PostmortemFact {
  label: string;
  value: string;
}

export function postmortemFacts(detail: PostmortemDetail): PostmortemFact[] {
  const { incident } = detail;
  const reviewers = detail.reviewers.map((reviewer) => (reviewer.approvedAt ? `${reviewer.name} (approved ${formatTimestamp(reviewer.approvedAt)})` : reviewer.name));
  const facts: PostmortemFact[] = [
    { label: "Incident", value: `${incident.reference} — ${incident.title}` },
    { label: "Severity", value: incident.severity },
    { label: "Status", value: postmortemStatusLabel[detail.status] },
  ];
  if (detail.publishedAt) {
    facts.push({ label: "Published", value: `${formatTimestamp(detail.publishedAt)}${detail.publishedBy ? ` by ${detail.publishedBy}` : ""}` });
  }
  facts.push({ label: "Reviewers", value: reviewers.length > 0 ? reviewers.join(", ") : "None named" });
  return facts;
}

export const ACTION_ITEM_COLUMNS = ["Title", "Owner", "Priority", "Kind", "Due", "Status"] as const;

/** One tracker row, in ACTION_ITEM_COLUMNS order. */
export function actionItemCells(item: ActionItemView): string[] {
  return [
    item.title,
    item.owner?.name ?? "Unassigned",
    actionItemPriorityLabel[item.priority],
    actionItemKindLabel[item.kind],
    item.dueOn ?? "—",
    actionItemStatusLabel[item.status],
  ];
}

// A cell is one line, and a pipe would end it early.
const tableCell = (text: string) => text.replace(/\s*\r?\n\s*/g, " ").replace(/\|/g, "\\|");
const tableRow = (cells: readonly string[]) => `| ${cells.map(tableCell).join(" | ")} |`;

export const NO_ACTION_ITEMS = "No action items are tracked yet.";
export const EARLIER_NOTES_HEADING = "Earlier notes";

/** The whole post-mortem as one Markdown document, for download. */
export function postmortemMarkdown(detail: PostmortemDetail): string {
  const blocks = [`# ${detail.title}`, postmortemFacts(detail).map((fact) => `- **${fact.label}:** ${fact.value}`).join("\n")];
  for (const part of documentParts(detail)) {
    if (part.kind === "text") {
      const { heading, body } = part.section;
      blocks.push(body.trim() === "" ? `## ${heading}` : `## ${heading}\n\n${body.trim()}`);
      continue;
    }
    const rows = [tableRow(ACTION_ITEM_COLUMNS), tableRow(ACTION_ITEM_COLUMNS.map(() => "---")), ...part.items.map((item) => tableRow(actionItemCells(item)))];
    blocks.push(`## ${part.heading}\n\n${part.items.length > 0 ? rows.join("\n") : NO_ACTION_ITEMS}`);
    if (part.earlierNotes) blocks.push(`### ${EARLIER_NOTES_HEADING}\n\n${part.earlierNotes}`);
  }
  return `${blocks.join("\n\n")}\n`;
}

/** "INC-12-post-mortem.md" */
export function postmortemFileName(detail: Pick<PostmortemDetail, "incident">): string {
  return `${detail.incident.reference}-post-mortem.md`;
}
