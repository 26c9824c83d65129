import type { Metadata } from "next";
import Link from "next/link";
import { PostmortemList } from "@/components/postmortems/postmortem-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { Timestamp } from "@/components/ui/timestamp";
import { db } from "@/lib/db/client";
import { incidentsAwaitingPostmortem, listPostmortems } from "@/lib/postmortems/document/queries";

export const metadata: Metadata = { title: "Post-mortems" };

export default async function PostmortemsPage() {
  const [postmortems, awaiting] = await Promise.all([listPostmortems(db), incidentsAwaitingPostmortem(db)]);
  return (
    <>
      <PageHeader title="Post-mortems" description="What happened and what will change, written from the plan's template; their action items are tracked under Action items." />
      <div className="grid gap-6">
        {postmortems.length === 0 ? (
          <EmptyState title="No post-mortems yet">Start one from a resolved incident&rsquo;s page.</EmptyState>
        ) : (
          <PostmortemList items={postmortems} />
        )}
        {awaiting.length > 0 && (
          <Panel title="Resolved incidents without a post-mortem">
            <ul className="grid gap-1 text-sm" data-testid="awaiting-postmortem">
              {awaiting.map((incident) => (
                <li key={incident.id}>
                  <Link className="underline" href={`/incidents/${incident.id}`}>
                    {incident.reference} {incident.title}
                  </Link>{" "}
                  <span className="text-slate-600">
                    · {incident.severity} · resolved {incident.resolvedAt ? <Timestamp iso={incident.resolvedAt} /> : "—"}
                  </span>
                </li>
              ))}
            </ul>
          </Panel>
        )}
      </div>
    </>
  );
}
