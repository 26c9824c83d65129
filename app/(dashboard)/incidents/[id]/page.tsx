import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { IncidentView } from "@/components/incidents/incident-view";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getObjectives } from "@/lib/incidents/objectives";
import { listResponders } from "@/lib/incidents/people";
import { getIncident } from "@/lib/incidents/queries";
import { readStartedAt } from "@/lib/live/rendered";
import { getIncidentPaging } from "@/lib/paging/queries";
import { pagesFor } from "@/lib/people/visibility";
import { listSeverityLevels } from "@/lib/plan/queries";
import { listRunbooks, listRuns } from "@/lib/runbooks/queries";

export const metadata: Metadata = { title: "Incident" };

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const at = readStartedAt();
  const [user, incident, paging, objectives, severities, people, runbooks, runs] = await Promise.all([
    currentUser(),
    getIncident(db, id.data),
    getIncidentPaging(db, id.data),
    getObjectives(db),
    listSeverityLevels(),
    listResponders(),
    listRunbooks(db),
    listRuns(db, { incidentId: id.data }),
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
