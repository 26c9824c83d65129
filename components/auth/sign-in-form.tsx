"use client";

import { useActionState, useState } from "react";
import { signInAction } from "@/lib/actions/sign-in";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, formAction] = useActionState(signInAction, null);
  // Controlled, so a refused attempt keeps the email (React resets uncontrolled fields).
  const [email, setEmail] = useState("");
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/"} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        state={state}
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required state={state} />
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
      <FormStatus state={state} testId="sign-in-status" />
    </form>
  );
}
