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
    if (throttle.throttled && throttle.retryAt) {
      const minutes = Math.max(1, Math.ceil((throttle.retryAt.getTime() - Date.now()) / 60_000));
      return {
        ok: false,
        error: `Too many failed sign-ins for this account. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or ask an admin to check the account.`,
      };
    }
    return { ok: false, error: "Wrong email or password." };
  }
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin" });
}
