import type { ActionResult } from "@/lib/actions/define-action";

type State = ActionResult<unknown> | null | undefined;

export function fieldError(state: State, name: string): string | undefined {
  return state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined;
}

export const controlClass = "w-full max-w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-invalid:border-red-600";

/** The error the last submission gave this field, if any. */
export function FieldErrorText({ state, name, id }: { state: State; name: string; id?: string }) {
  const error = fieldError(state, name);
  return error ? (
    <p id={id} className="text-sm text-red-700" data-testid={`${name}-error`}>
      {error}
    </p>
  ) : null;
}

interface FieldFrameProps {
  id: string;
  name: string;
  label: string;
  hint?: string;
  state?: State;
  /** Renders the control, given the attributes that tie it to its label and error. */
  children: (control: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => React.ReactNode;
}

/** A labelled control with its hint and its error from the last submission. */
export function FieldFrame({ id, name, label, hint, state, children }: FieldFrameProps) {
  const error = fieldError(state, name);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {hint && <p className="text-xs text-slate-600">{hint}</p>}
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-error` : undefined })}
      <FieldErrorText state={state} name={name} id={`${id}-error`} />
    </div>
  );
}

interface FieldProps extends React.InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  state?: State;
}

export function Field({ label, name, state, id = name, ...input }: FieldProps) {
  return (
    <FieldFrame id={id} name={name} label={label} state={state}>
      {(control) => <input name={name} className={controlClass} {...control} {...input} />}
    </FieldFrame>
  );
}
