import type { ActionResult } from "@/lib/actions/define-action";
import type { ParameterSpec } from "@/lib/runbooks/definition";
import { controlClass, FieldFrame } from "@/components/ui/field";

/** The rule a value must follow, as the operator reads it. */
function ruleHint(spec: ParameterSpec): string {
  switch (spec.type) {
    case "enum":
      return `One of: ${spec.values.join(", ")}`;
    case "pattern":
      return `Must match ${spec.pattern}; may not start with "-" or contain ".." or control characters`;
    case "integer":
      return `A whole number${spec.min !== undefined ? ` from ${spec.min}` : ""}${spec.max !== undefined ? ` up to ${spec.max}` : ""}`;
  }
}

/** One launch parameter: a select for a list of values, a number input, or text checked against its pattern. */
export function ParameterField({ spec, state, idPrefix }: { spec: ParameterSpec; state: ActionResult<unknown> | null; idPrefix: string }) {
  const name = `parameters.${spec.name}`;
  const hint = [spec.description, ruleHint(spec)].filter(Boolean).join(" · ");
  return (
    <FieldFrame id={`${idPrefix}-${spec.name}`} name={name} label={spec.name} hint={hint} state={state}>
      {(control) =>
        spec.type === "enum" ? (
          <select name={name} defaultValue={spec.default} className={controlClass} {...control}>
            {spec.values.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        ) : spec.type === "integer" ? (
          <input name={name} type="number" inputMode="numeric" step={1} min={spec.min} max={spec.max} defaultValue={spec.default} className={controlClass} {...control} />
        ) : (
          <input name={name} type="text" defaultValue={spec.default} autoComplete="off" spellCheck={false} className={`${controlClass} font-mono`} {...control} />
        )
      }
    </FieldFrame>
  );
}
