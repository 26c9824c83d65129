import type { Metadata } from "next";
import { connection } from "next/server";
import { RunbookList } from "@/components/runbooks/runbook-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { listSystems } from "@/lib/plan/queries";
import { listRunbooks } from "@/lib/runbooks/queries";

export const metadata: Metadata = { title: "Runbooks" };

export default async function RunbooksPage() {
  // Read at request time, never at build (there is no database then).
  await connection();
  const [runbooks, systems] = await Promise.all([listRunbooks(db), listSystems()]);
  return (
    <>
      <PageHeader
        title="Runbooks"
        description="Recovery procedures from config/runbooks, run by a worker with live output. Launch one from an incident's page, or from its own page here."
      />
      {runbooks.length === 0 ? (
        <EmptyState title="No runbooks are configured">Add YAML files to config/runbooks and run <code>npm run config:import</code>.</EmptyState>
      ) : (
        <RunbookList runbooks={runbooks} systemNames={Object.fromEntries(systems.map((system) => [system.key, system.name]))} />
      )}
    </>
  );
}
