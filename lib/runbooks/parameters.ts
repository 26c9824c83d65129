import { z } from "zod";
import type { ParameterSpec, RunbookDefinition } from "./definition";

/** Validated launch values: text for enum and pattern parameters, a number for integer ones. */
export type ParameterValues = Record<string, string | number>;

const MAX_LENGTH = 1000;

/**
 * The rule any value breaks that must never reach a command line, whatever the parameter's own
 * rule allows; null when the value is safe. Values are always passed as one argument, never
 * through a shell, so these guard what the command itself would make of them.
 */
export function refuseUnsafe(value: string, allow: readonly UnsafeAllowance[] = []): string | null {
  // C0 and C1 controls (newline, CR, NUL ...), Unicode line breaks and bidirectional overrides.
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(value)) return "must not contain newlines or control characters";
  if (value.startsWith("-")) return 'must not start with "-" (it would be read as an option)';
  if (value.split(/[/\\]/).includes("..")) return 'must not contain a ".." path segment';
  if (!allow.includes("at") && value.startsWith("@")) return 'must not start with "@" (curl and others read it as a file to send)';
  if (!allow.includes("absolute_path") && /^[/\\~]/.test(value)) return 'must not be an absolute path (start with "/", "\\" or "~")';
  if (!allow.includes("colon") && /^[^/\\]*:/.test(value)) return 'must not have a ":" before any "/" (tar, rsync and scp read host:path as another machine)';
  return null;
}

/** What a pattern parameter may let through on purpose (its `allow` list), each refused otherwise. */
export const UNSAFE_ALLOWANCES = ["at", "absolute_path", "colon"] as const;
export type UnsafeAllowance = (typeof UNSAFE_ALLOWANCES)[number];

/** A pattern matches the whole value, whether or not its author wrote ^ and $. */
const compilePattern = (pattern: string) => new RegExp(`^(?:${pattern})$`);

const required = (what: string) => (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : what);

/** The parameter's own rule for one value (without its default): also what a default must satisfy. */
export function parameterRule(spec: ParameterSpec): z.ZodType<string | number> {
  switch (spec.type) {
    case "enum":
      return z.enum(spec.values as [string, ...string[]], { error: required(`must be one of ${spec.values.join(", ")}`) });
    case "pattern":
      return z
        .string({ error: required("must be text") })
        .max(MAX_LENGTH, `must be at most ${MAX_LENGTH} characters`)
        .superRefine((value, context) => {
          // An unsafe value is refused for that reason alone, even where the pattern would allow it.
          const problem = refuseUnsafe(value, spec.allow) ?? (compilePattern(spec.pattern).test(value) ? null : `must match ${spec.pattern}`);
          if (problem) context.addIssue({ code: "custom", message: problem });
        });
    case "integer": {
      const min = spec.min ?? 0;
      const rule = z.number({ error: required("must be a whole number") }).int("must be a whole number").min(min, `must be at least ${min}`);
      return spec.max === undefined ? rule : rule.max(spec.max, `must be at most ${spec.max}`);
    }
  }
}

const blankIsMissing = (value: unknown) => (value === "" || value === null ? undefined : value);
// Form fields arrive as text; an integer parameter takes "12" as 12 and refuses "12abc" or "1.5".
const wholeNumberText = (value: unknown) => (typeof value === "string" && /^\s*-?\d{1,15}\s*$/.test(value) ? Number(value) : blankIsMissing(value));

function fieldSchema(spec: ParameterSpec) {
  const rule = spec.default === undefined ? parameterRule(spec) : parameterRule(spec).default(spec.default);
  return z.preprocess(spec.type === "integer" ? wholeNumberText : blankIsMissing, rule);
}

/**
 * Launch input (strings from a form, or values already validated) checked against the runbook's
 * parameters: each one's rule, defaults filled in, unknown names refused. Issues carry the
 * parameter's name as their path.
 */
export function parametersSchema(definition: Pick<RunbookDefinition, "parameters">): z.ZodType<ParameterValues> {
  const names = definition.parameters.map((spec) => spec.name);
  const shape = Object.fromEntries(definition.parameters.map((spec) => [spec.name, fieldSchema(spec)]));
  return z
    .looseObject(shape)
    .superRefine(
      (values, context) => {
        if (typeof values !== "object" || values === null) return;
        for (const name of Object.keys(values).filter((name) => !names.includes(name))) {
          context.addIssue({ code: "custom", path: [name], message: "is not a parameter of this runbook" });
        }
      },
      { when: () => true },
    )
    .transform((values) => Object.fromEntries(names.map((name) => [name, values[name] as string | number])));
}
