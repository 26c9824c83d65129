"use client";

import { useFormStatus } from "react-dom";

interface SubmitButtonProps {
  children: React.ReactNode;
  pendingLabel: string;
  className?: string;
  /** For forms submitted from onSubmit, which useFormStatus does not see. */
  pending?: boolean;
}

export function SubmitButton({ children, pendingLabel, className = "", pending: submitting }: SubmitButtonProps) {
  const status = useFormStatus();
  const pending = submitting ?? status.pending;
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`inline-flex items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60 ${className}`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
