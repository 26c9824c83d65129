import { formatTimestamp } from "@/lib/format/time";
import { actionItemKindLabel, actionItemPriorityLabel, actionItemStatusLabel, type ActionItemView } from "@/lib/postmortems/action-items/view";
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

/** The whole post-mortem as one Markdown document, for download. */
export function postmortemMarkdown(detail: PostmortemDetail): string {
  const blocks = [`# ${detail.title}`, postmortemFacts(detail).map((fact) => `- **${fact.label}:** ${fact.value}`).join("\n")];
  for (const section of detail.sections) {
    blocks.push(section.body.trim() === "" ? `## ${section.heading}` : `## ${section.heading}\n\n${section.body.trim()}`);
  }
  if (detail.actionItems.length > 0) {
    const rows = [tableRow(ACTION_ITEM_COLUMNS), tableRow(ACTION_ITEM_COLUMNS.map(() => "---")), ...detail.actionItems.map((item) => tableRow(actionItemCells(item)))];
    blocks.push(`## Action item tracker\n\n${rows.join("\n")}`);
  }
  return `${blocks.join("\n\n")}\n`;
}

/** "INC-12-post-mortem.md" */
export function postmortemFileName(detail: Pick<PostmortemDetail, "incident">): string {
  return `${detail.incident.reference}-post-mortem.md`;
}
