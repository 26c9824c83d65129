import type { ActionResult } from "@/lib/actions/define-action";
import { fieldError } from "./field";

interface TextAreaProps extends React.TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  name: string;
  state?: ActionResult<unknown> | null;
  hint?: string;
}

export function TextArea({ label, name, state, hint, id = name, rows = 3, ...rest }: TextAreaProps) {
  const error = fieldError(state, name);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {hint && <p className="text-xs text-slate-600">{hint}</p>}
      <textarea
        id={id}
        name={name}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-invalid:border-red-600"
        {...rest}
      />
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700" data-testid={`${name}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
