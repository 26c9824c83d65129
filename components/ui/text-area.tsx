"use client";

import { useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/actions/define-action";
import { controlClass, FieldFrame } from "./field";

interface TextAreaProps extends React.TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  name: string;
  state?: ActionResult<unknown> | null;
  hint?: string;
}

/** A labelled text area; with `maxLength`, a counter says how much room is left. */
export function TextArea({ label, name, state, hint, id = name, rows = 3, maxLength, onChange, ...rest }: TextAreaProps) {
  const [length, setLength] = useState(0);
  const area = useRef<HTMLTextAreaElement>(null);
  const counterId = `${id}-counter`;
  // A form emptied after a save (ActionForm resets it) empties the count too.
  useEffect(() => {
    const form = area.current?.form;
    if (!form) return;
    const recount = () => setTimeout(() => setLength(area.current?.value.length ?? 0));
    form.addEventListener("reset", recount);
    return () => form.removeEventListener("reset", recount);
  }, []);
  return (
    <FieldFrame id={id} name={name} label={label} hint={hint} state={state}>
      {(control) => (
        <>
          <textarea
            ref={area}
            name={name}
            rows={rows}
            className={controlClass}
            maxLength={maxLength}
            {...control}
            aria-describedby={[control["aria-describedby"], maxLength ? counterId : undefined].filter(Boolean).join(" ") || undefined}
            onChange={(event) => {
              setLength(event.currentTarget.value.length);
              onChange?.(event);
            }}
            {...rest}
          />
          {maxLength !== undefined && (
            <p id={counterId} className="self-end text-xs text-slate-600 tabular-nums" data-testid={`${name}-counter`}>
              {length.toLocaleString("en-GB")} / {maxLength.toLocaleString("en-GB")}
            </p>
          )}
        </>
      )}
    </FieldFrame>
  );
}
