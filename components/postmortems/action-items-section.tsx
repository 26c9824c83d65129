import { Markdown } from "@/components/ui/markdown";
import { ACTION_ITEM_COLUMNS, actionItemCells, EARLIER_NOTES_HEADING, NO_ACTION_ITEMS } from "@/lib/postmortems/document/markdown-export";
import type { DocumentPart } from "@/lib/postmortems/document/parts";

// No hooks: the editor (a client component) and the print view (a server one) both render it.

export type ActionItemsPart = Extract<DocumentPart, { kind: "actionItems" }>;

const cellClass = "border-b border-slate-300 py-1.5 pr-3 align-top";

function TrackedActionItems({ items }: { items: ActionItemsPart["items"] }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">{NO_ACTION_ITEMS}</p>;
  return (
    <table className="w-full border-collapse text-left text-sm" data-testid="tracked-action-items">
      <thead>
        <tr>
          {ACTION_ITEM_COLUMNS.map((column) => (
            <th key={column} scope="col" className={`${cellClass} font-semibold`}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} className="break-inside-avoid" data-testid="tracked-action-item">
            {actionItemCells(item).map((cell, index) => (
              <td key={ACTION_ITEM_COLUMNS[index]} className={cellClass}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The post-mortem's action items section: the tracked items, then whatever was written in the
 * section before it listed them, kept as it was. `tracker` points at where they are added and changed.
 */
export function ActionItemsSection({
  part,
  className,
  headingClassName,
  tracker,
}: {
  part: ActionItemsPart;
  className: string;
  headingClassName: string;
  tracker?: { href: string; canChange: boolean };
}) {
  return (
    <section className={className} aria-label={part.heading} data-testid="action-items-section" data-heading={part.heading}>
      <h2 className={headingClassName}>{part.heading}</h2>
      {tracker && (
        <p className="text-xs text-slate-600">
          Listed from the post-mortem&rsquo;s{" "}
          <a href={tracker.href} className="underline">
            action item tracker
          </a>
          {tracker.canChange ? ": add and change them there." : "."}
        </p>
      )}
      <TrackedActionItems items={part.items} />
      {part.earlierNotes && (
        <div className="mt-3 grid gap-1" data-testid="earlier-notes">
          <h3 className="text-sm font-semibold">{EARLIER_NOTES_HEADING}</h3>
          <p className="text-xs text-slate-600">Written in this section before it listed the tracked action items.</p>
          <div className="text-sm">
            <Markdown>{part.earlierNotes}</Markdown>
          </div>
        </div>
      )}
    </section>
  );
}
