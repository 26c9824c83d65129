import type { Metadata } from "next";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UserAccessForm } from "@/components/users/user-access-form";
import { UserRoleForm } from "@/components/users/user-role-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { currentUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { listUsers } from "@/lib/users/service";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await currentUser();
  if (!hasRole(user?.role, "admin")) {
    return <EmptyState title="Only admins manage users." />;
  }
  const users = await listUsers(db);
  return (
    <>
      <PageHeader title="Users" description="Who can sign in, and what each role may do." />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Panel title={`${users.length} users`}>
          <ul className="divide-y divide-slate-100" data-testid="users">
            {users.map((row) => (
              <li key={row.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <p className="font-medium">
                    {row.name}
                    {row.disabledAt && (
                      <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-semibold text-slate-800" data-testid={`disabled-${row.email}`}>
                        Disabled
                      </span>
                    )}
                  </p>
                  <p className="text-sm text-slate-600">{row.email}</p>
                </div>
                <div className="flex flex-col gap-2 sm:items-end">
                  <UserRoleForm userId={row.id} email={row.email} role={row.role} />
                  <UserAccessForm userId={row.id} email={row.email} disabled={row.disabledAt !== null} />
                </div>
              </li>
            ))}
          </ul>
        </Panel>
        <Panel title="Add a user">
          <CreateUserForm />
        </Panel>
      </div>
      <p className="mt-6 text-sm text-slate-600">
        Viewers read everything; responders acknowledge and add notes; commanders declare, change severity and resolve;
        admins also manage users and settings. Disabling a person, or resetting their password, ends their sessions at once.
      </p>
    </>
  );
}
