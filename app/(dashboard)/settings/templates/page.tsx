import type { Metadata } from "next";
import { IncidentPicker } from "@/components/templates/incident-picker";
import { TemplateEditor } from "@/components/templates/template-editor";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { currentUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { TEMPLATE_CHANNELS, TEMPLATE_KINDS, templateChannelLabel, templateKindLabel } from "@/lib/templates/kinds";
import { previewPlaceholderValues } from "@/lib/templates/preview";
import { listPreviewIncidents, loadTemplates } from "@/lib/templates/queries";

export const metadata: Metadata = { title: "Notification templates" };

export default async function TemplatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { incident: requested } = await searchParams;
  const [user, templates, incidents] = await Promise.all([currentUser(), loadTemplates(db), listPreviewIncidents(db)]);
  const canEdit = hasRole(user?.role, "admin");
  const selected = incidents.find((incident) => incident.id === requested) ?? incidents[0] ?? null;
  const values = await previewPlaceholderValues(db, selected);
  const caption = selected ? `Preview with ${selected.reference} (example acknowledge code and link)` : "Preview with example values: there are no incidents yet";
  return (
    <>
      <PageHeader
        title="Notification templates"
        description="What pages say by SMS and email, from the plan's incident, update and resolution templates. Write placeholders as {{name}}."
      />
      <div className="grid gap-6">
        <Panel title="Preview">
          {selected ? <IncidentPicker incidents={incidents} selectedId={selected.id} /> : <p className="text-sm text-slate-600">No incidents yet: previews use example values.</p>}
          {!canEdit && <p className="mt-3 text-sm text-slate-600">Only admins change templates.</p>}
        </Panel>
        {TEMPLATE_KINDS.map((kind) => (
          <Panel key={kind} title={templateKindLabel[kind]}>
            <div className="grid gap-6 lg:grid-cols-2">
              {TEMPLATE_CHANNELS.map((channel) => {
                const template = templates[kind][channel];
                return (
                  <section key={channel} aria-label={`${templateKindLabel[kind]}: ${templateChannelLabel[channel]}`}>
                    <h3 className="mb-2 text-sm font-semibold">{templateChannelLabel[channel]}</h3>
                    <TemplateEditor
                      kind={kind}
                      channel={channel}
                      template={{ ...template, updatedAt: template.updatedAt?.toISOString() ?? null }}
                      values={values}
                      previewCaption={caption}
                      canEdit={canEdit}
                    />
                  </section>
                );
              })}
            </div>
          </Panel>
        ))}
      </div>
    </>
  );
}
