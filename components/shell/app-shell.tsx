import Link from "next/link";
import { LiveData } from "@/components/live/live-data";
import { signOutAction } from "@/lib/actions/sign-in";
import type { SessionUser } from "@/lib/auth/session";
import type { HealthReport } from "@/lib/health/report";
import type { ChannelProviders } from "@/lib/env";
import type { Rendered } from "@/lib/live/rendered";
import type { Theme } from "@/lib/format/theme";
import { NavLinks } from "./nav-links";
import { TimeZoneProvider } from "@/components/ui/timestamp";
import { BrowserZone } from "./browser-zone";
import { CommandPalette } from "./command-palette";
import { ThemeSwitch } from "./theme-switch";
import { WaitingCount } from "./waiting-count";
import { WorkerBanner } from "./worker-banner";

interface AppShellProps {
  user: SessionUser;
  /** Which provider each channel pages through. */
  channels: ChannelProviders;
  /** For those who are told when no worker runs; null for everyone else. */
  health: Rendered<HealthReport> | null;
  /** When the server began rendering this page: the live stream starts from there. */
  renderedAt: number;
  /** The colour theme the person chose. */
  theme: Theme;
  /** The zone times are shown in (lib/format/reader-zone.ts). */
  zone: string;
  children: React.ReactNode;
}

export function AppShell({ user, channels, health, renderedAt, theme, zone, children }: AppShellProps) {
  return (
    <TimeZoneProvider zone={zone}>
      <LiveData since={renderedAt}>
        <BrowserZone rendered={zone} following={user.timeZone === null} />
        <WaitingCount />
        <CommandPalette role={user.role} />
        <div className="min-h-screen md:flex">
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2">
            Skip to content
          </a>
          <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 md:hidden">
            <Brand />
            {/* A disclosure, so the menu works on a phone before any script has loaded. */}
            <details className="relative">
              <summary className="cursor-pointer list-none rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium">Menu</summary>
              <nav aria-label="Main" className="absolute right-0 z-20 mt-2 w-64 rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
                <NavLinks role={user.role} />
                <Account user={user} channels={channels} theme={theme} />
              </nav>
            </details>
          </header>
          <aside className="hidden w-60 shrink-0 flex-col border-r border-slate-200 bg-white p-4 md:flex">
            <Brand />
            <nav aria-label="Main" className="mt-6 flex-1">
              <NavLinks role={user.role} />
            </nav>
            <Account user={user} channels={channels} theme={theme} />
          </aside>
          {/* Room at the bottom, so the floating live badge never has to cover the last field or row. */}
          <main id="main" className="min-w-0 flex-1 px-4 pt-6 pb-16 md:px-8">
            {health && <WorkerBanner initial={health} />}
            {children}
          </main>
        </div>
      </LiveData>
    </TimeZoneProvider>
  );
}

function Brand() {
  return (
    <Link href="/" className="flex items-center gap-2 font-semibold">
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src="/icon.svg" alt="" width={24} height={24} />
      Firebreak
    </Link>
  );
}

const CHANNEL_NAMES = { twilio: "Twilio", sendgrid: "SendGrid", outbox: "dev outbox" } as const;

/** Whether pages reach anyone: each channel's provider, the dev outbox marked as reaching nobody. */
function Channels({ channels }: { channels: ChannelProviders }) {
  const outbox = channels.sms === "outbox" || channels.email === "outbox";
  return (
    <p className={`mb-3 text-xs ${outbox ? "font-semibold text-amber-800" : "text-slate-600"}`} data-testid="channels">
      Paging: SMS via {CHANNEL_NAMES[channels.sms]} · email via {CHANNEL_NAMES[channels.email]}
      {outbox && " (the dev outbox reaches nobody)"}
    </p>
  );
}

function Account({ user, channels, theme }: { user: SessionUser; channels: ChannelProviders; theme: Theme }) {
  return (
    <div className="mt-4 border-t border-slate-200 pt-4 text-sm">
      <Channels channels={channels} />
      <p className="font-medium" data-testid="current-user">
        {user.name}
      </p>
      <p className="text-slate-600">
        {user.email} · <span data-testid="current-role">{user.role}</span>
      </p>
      <Link href="/account" className="mt-1 inline-block underline">
        Your account
      </Link>
      <ThemeSwitch initial={theme} />
      <form action={signOutAction} className="mt-2">
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
          Sign out
        </button>
      </form>
    </div>
  );
}
