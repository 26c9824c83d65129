"use client";

import { useFormStatus } from "react-dom";

interface SubmitButtonProps {
  children: React.ReactNode;
  pendingLabel: string;
  className?: string;
  /** For forms submitted from onSubmit, which useFormStatus does not see. */
  pending?: boolean;
  /** Disabled for a reason other than a submission in flight; `describedBy` names the element that says why. */
  disabled?: boolean;
  describedBy?: string;
}

export function SubmitButton({ children, pendingLabel, className = "", pending: submitting, disabled = false, describedBy }: SubmitButtonProps) {
  const status = useFormStatus();
  const pending = submitting ?? status.pending;
  return (
    <button
      type="submit"
      disabled={pending || disabled}
      aria-disabled={pending || disabled}
      aria-describedby={describedBy}
      className={`inline-flex items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-800 disabled:opacity-60 ${className}`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
