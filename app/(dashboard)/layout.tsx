import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { hasRole } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";
import { checkHealth } from "@/lib/health/check";
import { readStartedAt } from "@/lib/live/rendered";
import { channelProviders } from "@/lib/env";
import { parseTheme, THEME_COOKIE } from "@/lib/format/theme";
import { BROWSER_ZONE_COOKIE, readerZone } from "@/lib/format/reader-zone";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const renderedAt = readStartedAt();
  const user = await currentUser();
  if (!user) redirect("/signin");
  // Those who run incidents are told when no worker runs, and can have one started; responders and viewers are not.
  const health = hasRole(user.role, "commander") ? await checkHealth() : null;
  const cookieStore = await cookies();
  const theme = parseTheme(cookieStore.get(THEME_COOKIE)?.value);
  const zone = readerZone(user.timeZone, cookieStore.get(BROWSER_ZONE_COOKIE)?.value);
  return (
    <AppShell user={user} channels={channelProviders()} theme={theme} zone={zone} health={health && { data: health, at: renderedAt }} renderedAt={renderedAt}>
      {children}
    </AppShell>
  );
}
