"use client";

import Link from "next/link";
import { hasRole, type Role } from "@/lib/auth/roles";
import { postmortemKeys } from "@/lib/live/query-keys";
import type { Rendered } from "@/lib/live/rendered";
import { documentParts } from "@/lib/postmortems/document/parts";
import { postmortemStatusLabel, type PostmortemDetail } from "@/lib/postmortems/document/queries";
import { ActionItemsPanel } from "@/components/action-items/action-items-panel";
import { useLiveData } from "@/components/live/use-live-data";
import { Panel } from "@/components/ui/panel";
import { Timestamp } from "@/components/ui/timestamp";
import { ActionItemsSection } from "./action-items-section";
import { ConflictPanel } from "./conflict-panel";
import { ReviewPanel, type Person } from "./review-panel";
import { RevisionHistory } from "./revision-history";
import { SaveStatus } from "./save-status";
import { SectionEditor, SectionText } from "./section-editor";
import { useAutosave } from "./use-autosave";

// The write-up's action items section lists the tracker's items and links here to change them.
const TRACKER_ID = "action-item-tracker";

const statusTone = { draft: "bg-slate-100 text-slate-700", in_review: "bg-amber-100 text-amber-900", published: "bg-emerald-100 text-emerald-800" } as const;

/** A post-mortem: its sections (edited with autosave), review, action items and history, live. */
export function PostmortemView({ initial, viewer, people }: { initial: Rendered<PostmortemDetail>; viewer: { id: string; role: Role }; people: Person[] }) {
  const postmortem = useLiveData({ queryKey: postmortemKeys.detail(initial.data.id), url: `/api/postmortems/${initial.data.id}`, initial });
  const responder = hasRole(viewer.role, "responder");
  const editable = responder && postmortem.status !== "published";
  const { drafts, conflicts, saveState, edit, resolveConflict, saveNow } = useAutosave(postmortem.id, postmortem.sections, editable);

  return (
    <div className="grid gap-6">
      <header className="grid gap-2">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span data-testid="postmortem-status" className={`rounded-full px-2 py-0.5 text-xs font-medium ${statusTone[postmortem.status]}`}>
            {postmortemStatusLabel[postmortem.status]}
          </span>
          <Link className="underline" href={`/incidents/${postmortem.incident.id}`}>
            {postmortem.incident.reference}
          </Link>
          <span className="text-slate-600">
            · {postmortem.incident.severity} · resolved {postmortem.incident.resolvedAt ? <Timestamp iso={postmortem.incident.resolvedAt} /> : "—"}
          </span>
        </div>
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="postmortem-title">
          {postmortem.title}
        </h1>
        <div className="flex flex-wrap items-center gap-4 text-sm">
          <a className="underline" href={`/api/postmortems/${postmortem.id}/markdown`} data-testid="export-markdown">
            Download Markdown
          </a>
          <Link className="underline" href={`/postmortems/${postmortem.id}/print`} target="_blank" data-testid="print-link">
            Print view
          </Link>
          {editable && <SaveStatus state={saveState} />}
          {!editable && (
            <span className="text-slate-600">
              {postmortem.status === "published" ? "Published: read-only until reopened." : "You can read this post-mortem; responders and above edit it."}
            </span>
          )}
        </div>
      </header>

      <div className="grid gap-6 lg:grid-cols-[3fr_1fr]">
        <div className="grid content-start gap-6">
          <Panel title="Write-up">
            <div className="grid gap-6">
              {documentParts(postmortem).map((part) => {
                if (part.kind === "actionItems") {
                  return (
                    <ActionItemsSection key="action-items" part={part} className="grid gap-2" headingClassName="text-base font-semibold" tracker={{ href: `#${TRACKER_ID}`, canChange: editable }} />
                  );
                }
                const { section } = part;
                const conflict = conflicts[section.id];
                if (conflict) return <ConflictPanel key={`${section.id}-${conflict.theirs.updatedAt}`} conflict={conflict} onResolve={(merged) => resolveConflict(section.id, merged)} />;
                const text = drafts[section.id]?.local ?? section.body;
                return editable ? (
                  <SectionEditor key={section.id} id={section.id} heading={section.heading} text={text} onChange={(value) => edit(section.id, value)} onBlur={() => void saveNow()} />
                ) : (
                  <SectionText key={section.id} heading={section.heading} text={text} />
                );
              })}
            </div>
          </Panel>
          <div id={TRACKER_ID} className="scroll-mt-4">
            <ActionItemsPanel postmortemId={postmortem.id} items={postmortem.actionItems} owners={people} canEdit={responder} canChangeFields={editable} />
          </div>
          <Panel title="History">
            <RevisionHistory postmortemId={postmortem.id} canRestore={editable} />
          </Panel>
        </div>
        <div className="grid content-start gap-6">
          <ReviewPanel postmortem={postmortem} viewer={viewer} people={people} />
        </div>
      </div>
    </div>
  );
}
