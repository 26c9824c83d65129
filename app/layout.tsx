import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import { Providers } from "@/components/providers";
import { parseTheme, THEME_COOKIE } from "@/lib/format/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Firebreak", template: "%s · Firebreak" },
  description: "Incident command from your disaster recovery plan",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

/** The theme chosen in the shell; without a choice the system's (app/globals.css). */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  // British English, as the dates are written ("2 Dec 2026"): date pickers then read day/month/year too.
  return (
    <html lang="en-GB" className={theme === "system" ? undefined : theme}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
