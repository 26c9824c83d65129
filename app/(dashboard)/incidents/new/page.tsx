import type { Metadata } from "next";
import { DeclareForm } from "@/components/incidents/declare-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { currentUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { listCommanders } from "@/lib/incidents/people";
import { listSeverityLevels, listSystems } from "@/lib/plan/queries";

export const metadata: Metadata = { title: "Declare an incident" };

export default async function DeclarePage() {
  const user = await currentUser();
  if (!user || !hasRole(user.role, "commander")) {
    return <EmptyState title="Only commanders and admins declare incidents.">Ask a commander, or an admin to change your role.</EmptyState>;
  }
  const [severities, systems, commanders] = await Promise.all([listSeverityLevels(), listSystems(), listCommanders()]);
  return (
    <div className="max-w-3xl">
      <PageHeader title="Declare an incident" description="The clock starts when you declare: the severity sets the acknowledge-by target." />
      <DeclareForm
        severities={severities}
        systems={systems.map((system) => ({ id: system.id, name: system.name, ownerTeam: system.ownerTeam?.name ?? null }))}
        commanders={commanders}
        currentUserId={user.id}
      />
    </div>
  );
}
