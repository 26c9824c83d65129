import Link from "next/link";
import { Fragment } from "react";
import { Markdown } from "@/components/ui/markdown";
import { postmortemFacts } from "@/lib/postmortems/document/markdown-export";
import { documentParts } from "@/lib/postmortems/document/parts";
import type { PostmortemDetail } from "@/lib/postmortems/document/queries";
import { ActionItemsSection } from "./action-items-section";
import { PrintButton } from "./print-button";

const headingClass = "mb-2 break-after-avoid border-b border-slate-200 pb-1 text-lg font-semibold";

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
        {documentParts(postmortem).map((part) =>
          part.kind === "text" ? (
            <section key={part.section.id} className="mt-8 break-inside-avoid" aria-label={part.section.heading}>
              <h2 className={headingClass}>{part.section.heading}</h2>
              {part.section.body.trim() ? <Markdown>{part.section.body}</Markdown> : <p className="text-sm text-slate-500 italic">Nothing written.</p>}
            </section>
          ) : (
            <ActionItemsSection key="action-items" part={part} className="mt-8" headingClassName={headingClass} />
          ),
        )}
      </article>
    </div>
  );
}
