import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/users/change-password-form";
import { TimeZoneForm } from "@/components/users/time-zone-form";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { currentUser } from "@/lib/auth/session";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  // The layout sends a visitor without a session to sign in.
  const user = await currentUser();
  if (!user) return null;
  return (
    <>
      <PageHeader title="Your account" description={`${user.name} · ${user.email} · ${user.role}`} />
      <Panel title="Change your password">
        <p className="mb-3 text-sm text-slate-600">
          At least {MIN_PASSWORD_LENGTH} characters and not a common password; a few unrelated words make a strong one. Changing it signs you out
          everywhere, here too: sign in again with the new one.
        </p>
        <ChangePasswordForm />
      </Panel>
      <div className="mt-6">
        <Panel title="Time zone">
          <TimeZoneForm chosen={user.timeZone} />
        </Panel>
      </div>
    </>
  );
}
