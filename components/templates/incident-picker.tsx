"use client";

import { usePathname, useRouter } from "next/navigation";
import { controlClass } from "@/components/ui/field";

interface PreviewIncident {
  id: string;
  reference: string;
  title: string;
}

/** Chooses the incident the previews are rendered with; the choice lives in the URL (?incident=). */
export function IncidentPicker({ incidents, selectedId }: { incidents: PreviewIncident[]; selectedId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="preview-incident" className="text-sm font-medium text-slate-700">
        Preview with
      </label>
      <select
        id="preview-incident"
        className={controlClass}
        key={selectedId}
        defaultValue={selectedId}
        data-testid="preview-incident"
        onChange={(event) => router.replace(`${pathname}?incident=${event.target.value}`, { scroll: false })}
      >
        {incidents.map((incident) => (
          <option key={incident.id} value={incident.id}>
            {incident.reference} · {incident.title}
          </option>
        ))}
      </select>
    </div>
  );
}
