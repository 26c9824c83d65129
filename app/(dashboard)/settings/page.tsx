import type { Metadata } from "next";
import Link from "next/link";
import { ObjectivesForm } from "@/components/settings/objectives-form";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { currentUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { formatDuration } from "@/lib/config/duration";
import { db } from "@/lib/db/client";
import { getObjectives } from "@/lib/incidents/objectives";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const [user, objectives] = await Promise.all([currentUser(), getObjectives(db)]);
  const admin = hasRole(user?.role, "admin");
  return (
    <>
      <PageHeader title="Settings" />
      <div className="grid gap-6">
        <Panel title="Recovery objectives">
          <p className="mb-3 text-sm text-slate-600" data-testid="objectives-summary">
            RTO {formatDuration(objectives.rtoSeconds)} · RPO {formatDuration(objectives.rpoSeconds)} · MTD {formatDuration(objectives.mtdSeconds)}. Every
            incident&rsquo;s time to recover is measured against the RTO and MTD, and its data loss against the RPO.
          </p>
          {admin ? <ObjectivesForm objectives={objectives} /> : <p className="text-sm text-slate-600">Only admins change the objectives.</p>}
        </Panel>
        <Panel title="Notifications">
          <ul className="grid gap-2 text-sm" data-testid="notification-settings">
            <li>
              <Link className="underline" href="/settings/templates">
                Notification templates
              </Link>{" "}
              <span className="text-slate-600">— what SMS and email pages say, from the plan&rsquo;s incident, update and resolution templates</span>
            </li>
            <li>
              <Link className="underline" href="/settings/paging">
                Who is paged for each severity
              </Link>
            </li>
            <li>
              <Link className="underline" href="/settings/alerts">
                Alertmanager
              </Link>{" "}
              <span className="text-slate-600">— how alert labels map to severity and system</span>
            </li>
          </ul>
        </Panel>
        <Panel title="Post-mortems">
          <ul className="grid gap-2 text-sm" data-testid="postmortem-settings">
            <li>
              <Link className="underline" href="/settings/postmortem-template">
                Post-mortem template
              </Link>{" "}
              <span className="text-slate-600">— the sections every new post-mortem starts from, from the plan&rsquo;s template</span>
            </li>
          </ul>
        </Panel>
        <Panel title="Users and roles">
          {admin ? (
            <Link className="text-sm underline" href="/settings/users">
              Manage users and roles
            </Link>
          ) : (
            <p className="text-sm text-slate-600">Only admins manage users. You are signed in as a {user?.role}.</p>
          )}
        </Panel>
        {admin && (
          <Panel title="API tokens">
            <Link className="text-sm underline" href="/settings/tokens">
              Tokens for backup scripts, Alertmanager and Prometheus
            </Link>
          </Panel>
        )}
        {admin && (
          <Panel title="Audit log">
            <Link className="text-sm underline" href="/settings/audit">
              Who did what, when, to what
            </Link>
          </Panel>
        )}
      </div>
    </>
  );
}
