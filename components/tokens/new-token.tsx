"use client";

import { useState } from "react";

const buttonClass = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50";

/** The new token's one appearance, with the warning that it will not come back. */
export function NewToken({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(token).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <section className="grid gap-2 rounded-md border border-amber-300 bg-amber-50 p-3" aria-label={`New token ${name}`}>
      <p className="text-sm font-medium text-amber-900">
        Copy the token for {name} now. Firebreak keeps only a hash of it and will not show it again.
      </p>
      <code className="break-all rounded bg-white px-2 py-1.5 font-mono text-sm select-all" data-testid="new-token">
        {token}
      </code>
      <div className="flex items-center gap-2">
        <button type="button" className={buttonClass} onClick={copy}>
          Copy
        </button>
        <button type="button" className={buttonClass} onClick={onDone}>
          I have copied it
        </button>
        <span aria-live="polite" className="text-xs text-slate-600">
          {copied === true ? "Copied." : copied === false ? "Copying failed: select the token and copy it by hand." : ""}
        </span>
      </div>
    </section>
  );
}
