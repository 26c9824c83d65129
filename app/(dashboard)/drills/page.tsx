import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { formatDuration } from "@/lib/config/duration";
import { listDrillSchedules } from "@/lib/plan/queries";

export const metadata: Metadata = { title: "Drills" };

export default async function DrillsPage() {
  const schedules = await listDrillSchedules();
  return (
    <>
      <PageHeader title="Drills" description="The recovery testing schedule from config/recovery-tests.yml." />
      {schedules.length === 0 ? (
        <EmptyState title="No drill schedule">Import config/recovery-tests.yml to see the schedule.</EmptyState>
      ) : (
        <Panel title="Schedule">
          <table className="w-full text-left text-sm" data-testid="drill-schedules">
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">Drill</th>
                <th scope="col" className="py-2 pr-4 font-medium">Frequency</th>
                <th scope="col" className="py-2 pr-4 font-medium">Duration</th>
                <th scope="col" className="py-2 font-medium">Systems</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {schedules.map((schedule) => (
                <tr key={schedule.id}>
                  <td className="py-2 pr-4">{schedule.key.replace(/_/g, " ")}</td>
                  <td className="py-2 pr-4 capitalize">{schedule.frequency}</td>
                  <td className="py-2 pr-4">{formatDuration(schedule.durationSeconds)}</td>
                  <td className="py-2">{schedule.systems.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-4 text-sm text-slate-600">Recording drill results is not part of this version of Firebreak yet.</p>
        </Panel>
      )}
    </>
  );
}
