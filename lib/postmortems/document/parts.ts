import type { ActionItemView } from "@/lib/postmortems/action-items/view";
import { DEFAULT_POSTMORTEM_TEMPLATE, isActionItemsHeading, splitSections } from "@/lib/postmortems/template/template";
import type { SectionView } from "./queries";

// Pure: the editor, the print view and the Markdown download read a post-mortem in the same parts.
// Its action items section lists the tracked action items (the tracker is where they are written);
// text written in that section before it did so is kept, shown under the list as earlier notes.

export type DocumentPart =
  | { kind: "text"; section: SectionView }
  | { kind: "actionItems"; heading: string; items: ActionItemView[]; earlierNotes: string };

/** Where a post-mortem without an action items section lists its tracked items: after its last section. */
const ACTION_ITEMS_HEADING = "Action Items";

// What the plan's template wrote in the section: the tracker's three kinds, nobody's notes.
const PLAN_PROMPT = splitSections(DEFAULT_POSTMORTEM_TEMPLATE).sections.find((section) => isActionItemsHeading(section.heading))?.body ?? "";

/** The text written in the action items section, unless it is only the plan's prompt; "" for none. */
function earlierNotes(body: string): string {
  const notes = body.replace(/\r\n?/g, "\n").trim();
  return notes === PLAN_PROMPT ? "" : notes;
}

export function documentParts(postmortem: { sections: SectionView[]; actionItems: ActionItemView[] }): DocumentPart[] {
  let listed = false;
  const parts = postmortem.sections.map((section): DocumentPart => {
    if (listed || !isActionItemsHeading(section.heading)) return { kind: "text", section };
    listed = true;
    return { kind: "actionItems", heading: section.heading, items: postmortem.actionItems, earlierNotes: earlierNotes(section.body) };
  });
  if (!listed) parts.push({ kind: "actionItems", heading: ACTION_ITEMS_HEADING, items: postmortem.actionItems, earlierNotes: "" });
  return parts;
}
