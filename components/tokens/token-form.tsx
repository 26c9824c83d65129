"use client";

import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field, FieldErrorText } from "@/components/ui/field";
import { createTokenAction } from "@/lib/tokens/actions";
import { SCOPE_DESCRIPTIONS, TOKEN_SCOPES } from "@/lib/tokens/scopes";
import { NewToken } from "./new-token";

type Created = { name: string; token: string };

export function TokenForm() {
  // Held in this component's memory only: gone on reload, as "shown once" promises.
  const [created, setCreated] = useState<Created | null>(null);
  return (
    <div className="grid gap-4">
      <ActionForm action={createTokenAction} submitLabel="Create token" pendingLabel="Creating…" testId="token-form" onSuccess={setCreated}>
        {(state) => (
          <>
            <Field label="Name" name="name" autoComplete="off" maxLength={100} placeholder="backup-db" required state={state} />
            <fieldset className="flex flex-col gap-2">
              <legend className="text-sm font-medium text-slate-700">Scopes</legend>
              {TOKEN_SCOPES.map((scope) => (
                <label key={scope} className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name="scopes" value={scope} className="mt-0.5" />
                  <span>
                    <code className="font-mono">{scope}</code> <span className="text-slate-600">— {SCOPE_DESCRIPTIONS[scope]}</span>
                  </span>
                </label>
              ))}
              <FieldErrorText state={state} name="scopes" />
            </fieldset>
          </>
        )}
      </ActionForm>
      {created && <NewToken name={created.name} token={created.token} onDone={() => setCreated(null)} />}
    </div>
  );
}
