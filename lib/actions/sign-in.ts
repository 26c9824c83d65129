"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { db } from "@/lib/db/client";
import { checkHealth } from "@/lib/health/check";
import { localPath } from "@/lib/auth/local-path";
import type { ActionResult } from "./define-action";
import { fieldErrorsOf } from "@/lib/errors";
import { credentialsSchema, signIn, signOut } from "@/lib/auth";
import { clientAddress, signInThrottle } from "@/lib/auth/throttle";

export async function signInAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  // Called over HTTP with anything at all: only a form is a sign-in.
  if (!(form instanceof FormData)) return { ok: false, error: "Enter your email and password." };
  const parsed = credentialsSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) {
    return { ok: false, error: "Enter your email and password.", fieldErrors: fieldErrorsOf(parsed.error) };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: localPath(form.get("callbackUrl")) });
    return { ok: true, data: undefined };
  } catch (error) {
    if (!(error instanceof AuthError)) throw error; // the redirect after success
    if (error.type !== "CredentialsSignin") {
      console.error("[sign-in]", error);
      const { database } = await checkHealth();
      return { ok: false, error: database === "ok" ? "Sign-in is unavailable right now. Try again shortly." : "Firebreak cannot reach its database. Try again shortly." };
    }
    const address = clientAddress(await headers());
    const throttle = await signInThrottle(db, parsed.data.email, address);
    if (throttle.throttled && throttle.retryAt) return { ok: false, error: `Too many failed sign-ins. Try again in ${waitFor(throttle.retryAt)}.` };
    return { ok: false, error: "Wrong email or password." };
  }
}

/** "3 seconds", "1 minute", "14 minutes": rounded up, so the person is never told too early. */
function waitFor(retryAt: Date): string {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 1000));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin" });
}
