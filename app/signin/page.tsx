import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentUser } from "@/lib/auth/session";
import { localPath } from "@/lib/auth/local-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; changed?: string }> }) {
  const { callbackUrl, changed } = await searchParams;
  const target = localPath(callbackUrl);
  if (await currentUser()) redirect(target);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <div className="mb-6 flex items-center gap-2">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/icon.svg" alt="" width={28} height={28} />
          <h1 className="text-xl font-semibold">Sign in to Firebreak</h1>
        </div>
        {changed === "password" && (
          <p className="mb-4 text-sm text-emerald-700" role="status" data-testid="password-changed">
            Your password is changed and every session of yours has ended. Sign in with the new password.
          </p>
        )}
        <SignInForm callbackUrl={target} />
      </div>
    </main>
  );
}
