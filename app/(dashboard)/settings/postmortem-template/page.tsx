import type { Metadata } from "next";
import { PostmortemTemplateForm } from "@/components/postmortems/template-form";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { currentUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { getPostmortemTemplate } from "@/lib/postmortems/template/template";

export const metadata: Metadata = { title: "Post-mortem template" };

export default async function PostmortemTemplatePage() {
  const [user, template] = await Promise.all([currentUser(), getPostmortemTemplate(db)]);
  return (
    <>
      <PageHeader
        title="Post-mortem template"
        description="The sections every new post-mortem starts from, from the plan's template. Post-mortems already started keep their own text."
      />
      <Panel title="Template">
        <PostmortemTemplateForm template={template} canEdit={hasRole(user?.role, "admin")} />
      </Panel>
    </>
  );
}
