import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { IncidentView } from "@/components/incidents/incident-view";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getObjectives } from "@/lib/incidents/objectives";
import { listResponders } from "@/lib/incidents/people";
import { findIncidentId, getIncident } from "@/lib/incidents/queries";
import { readStartedAt } from "@/lib/live/rendered";
import { getIncidentPaging } from "@/lib/paging/queries";
import { pagesFor } from "@/lib/people/visibility";
import { listSeverityLevels } from "@/lib/plan/queries";
import { listRunbooks, listRuns } from "@/lib/runbooks/queries";

type Params = { params: Promise<{ id: string }> };

/** `/incidents/<id>` or `/incidents/INC-42`: read once for the title and the page. */
const incidentNamed = cache(async (named: string) => {
  const id = await findIncidentId(db, named);
  return id ? getIncident(db, id) : null;
});

/** The tab says which incident and where it stands: "INC-42 · critical · declared". */
export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const incident = await incidentNamed((await params).id);
  return { title: incident ? `${incident.reference} · ${incident.severity} · ${incident.status}` : "Incident not found" };
}

export default async function IncidentPage({ params }: Params) {
  const named = await incidentNamed((await params).id);
  if (!named) notFound();
  const id = named.id;
  const at = readStartedAt();
  const [user, incident, paging, objectives, severities, people, runbooks, runs] = await Promise.all([
    currentUser(),
    // Read again after `at`, so the live stream misses nothing between the two.
    getIncident(db, id),
    getIncidentPaging(db, id),
    getObjectives(db),
    listSeverityLevels(),
    listResponders(),
    listRunbooks(db),
    listRuns(db, { incidentId: id }),
  ]);
  if (!user) redirect("/signin");
  if (!incident || !paging) notFound();
  return (
    <IncidentView
      initial={{ data: incident, at }}
      paging={{ data: { ...paging, pages: pagesFor(user.role, paging.pages) }, at }}
      objectives={objectives}
      role={user.role}
      choices={{ severities: severities.map((level) => ({ id: level.id, key: level.key })), people }}
      runbooks={runbooks}
      runs={runs}
    />
  );
}
