import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { currentUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await currentUser();
  const admin = hasRole(user?.role, "admin");
  return (
    <>
      <PageHeader title="Settings" />
      <Panel title="Users and roles">
        {admin ? (
          <Link className="text-sm underline" href="/settings/users">
            Manage users and roles
          </Link>
        ) : (
          <p className="text-sm text-slate-600">Only admins manage users. You are signed in as a {user?.role}.</p>
        )}
      </Panel>
    </>
  );
}
