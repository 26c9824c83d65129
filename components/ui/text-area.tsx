import type { ActionResult } from "@/lib/actions/define-action";
import { controlClass, FieldFrame } from "./field";

interface TextAreaProps extends React.TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  name: string;
  state?: ActionResult<unknown> | null;
  hint?: string;
}

export function TextArea({ label, name, state, hint, id = name, rows = 3, ...rest }: TextAreaProps) {
  return (
    <FieldFrame id={id} name={name} label={label} hint={hint} state={state}>
      {(control) => <textarea name={name} rows={rows} className={controlClass} {...control} {...rest} />}
    </FieldFrame>
  );
}
