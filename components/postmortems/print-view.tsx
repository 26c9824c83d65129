import Link from "next/link";
import { Fragment } from "react";
import { Markdown } from "@/components/ui/markdown";
import { ACTION_ITEM_COLUMNS, actionItemCells, postmortemFacts } from "@/lib/postmortems/document/markdown-export";
import type { PostmortemDetail } from "@/lib/postmortems/document/queries";
import { PrintButton } from "./print-button";

const cellClass = "border-b border-slate-300 py-1.5 pr-3 align-top";

/** The post-mortem as paper: no app shell, white, each section kept on one page where it fits. */
export function PostmortemPrintView({ postmortem }: { postmortem: PostmortemDetail }) {
  return (
    <div className="min-h-screen bg-white">
      <article className="mx-auto max-w-3xl px-8 py-10 text-slate-900 print:max-w-none print:p-0" data-testid="postmortem-print">
        <div className="mb-6 flex items-center justify-end gap-4 print:hidden">
          <Link href={`/postmortems/${postmortem.id}`} className="text-sm underline">
            Back to the post-mortem
          </Link>
          <PrintButton />
        </div>
        <h1 className="text-2xl font-semibold tracking-tight">{postmortem.title}</h1>
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="postmortem-print-facts">
          {postmortemFacts(postmortem).map((fact) => (
            <Fragment key={fact.label}>
              <dt className="font-medium text-slate-600">{fact.label}</dt>
              <dd>{fact.value}</dd>
            </Fragment>
          ))}
        </dl>
        {postmortem.sections.map((section) => (
          <section key={section.id} className="mt-8 break-inside-avoid" aria-label={section.heading}>
            <h2 className="mb-2 break-after-avoid border-b border-slate-200 pb-1 text-lg font-semibold">{section.heading}</h2>
            {section.body.trim() ? <Markdown>{section.body}</Markdown> : <p className="text-sm text-slate-500 italic">Nothing written.</p>}
          </section>
        ))}
        {postmortem.actionItems.length > 0 && (
          <section className="mt-8 break-inside-avoid" aria-label="Action item tracker">
            <h2 className="mb-2 break-after-avoid border-b border-slate-200 pb-1 text-lg font-semibold">Action item tracker</h2>
            <table className="w-full border-collapse text-left text-sm" data-testid="postmortem-print-action-items">
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
                {postmortem.actionItems.map((item) => (
                  <tr key={item.id} className="break-inside-avoid">
                    {actionItemCells(item).map((cell, index) => (
                      <td key={ACTION_ITEM_COLUMNS[index]} className={cellClass}>
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </article>
    </div>
  );
}
