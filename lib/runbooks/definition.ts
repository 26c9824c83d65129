import { z } from "zod";
import { formatDuration, parseDuration } from "@/lib/config/duration";
import { parameterRule, refuseUnsafe, UNSAFE_ALLOWANCES } from "./parameters";

// The YAML format of config/runbooks/<key>.yml. Parsing is idempotent: the stored (parsed) form
// parses again to itself, so a run can re-check the definition it was approved with.

const MAX_TIMEOUT_SECONDS = 86_400;
/** A placeholder anywhere in a text; a whole argument or URL part must be exactly one. */
export const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{([a-z][a-z0-9_]*)\}\}$/;
export const DATA_DIR_PLACEHOLDER = "{{DATA_DIR}}";

/** The parameter an element stands for when it is exactly `{{name}}`, else null. */
export const wholePlaceholder = (text: string) => WHOLE_PLACEHOLDER.exec(text)?.[1] ?? null;

function strict<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown key ${issue.keys.map((key) => `"${key}"`).join(", ")} (allowed: ${Object.keys(shape).join(", ")})`
        : issue.code === "invalid_type"
          ? issue.input === undefined ? "is required" : "must be a mapping of keys to values"
          : undefined,
  });
}

const text = () => z.string({ error: (issue) => (issue.input === undefined ? "is required" : "must be text") });
const key = (rule: RegExp, what: string) => text().regex(rule, what);
/** A text checked by a function that names the rule it breaks, or returns null. */
const checkedText = (problem: (value: string) => string | null) =>
  text().superRefine((value, context) => {
    const message = problem(value);
    if (message) context.addIssue({ code: "custom", message });
  });

/** Seconds. The YAML says "10 minutes"; the stored form already holds the number. */
const duration = z.union([z.string(), z.number()], { error: (issue) => (issue.input === undefined ? "is required" : 'must be a duration such as "10 minutes"') }).transform((value, context) => {
  const seconds = typeof value === "number" ? (Number.isInteger(value) && value > 0 ? value : null) : parseDuration(value);
  if (seconds === null || seconds > MAX_TIMEOUT_SECONDS) {
    context.addIssue({ code: "custom", message: seconds === null ? 'must be a duration such as "90 seconds", "10 minutes" or "2 hours"' : "must be at most 24 hours" });
    return z.NEVER;
  }
  return seconds;
});

const commandName = text().refine(
  (name) => /^(?:[A-Za-z0-9_][A-Za-z0-9._+-]*|\/[A-Za-z0-9._+/-]+)$/.test(name) && !name.split("/").includes(".."),
  "must be a command name (such as tar) or an absolute path, without parameters",
);
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()], { error: "must be text, a number, true, false or null" });
const hasPlaceholder = (value: unknown): boolean =>
  typeof value === "string" ? value.includes("{{") : typeof value === "object" && value !== null ? Object.values(value).some(hasPlaceholder) : false;

// ---- parameters -------------------------------------------------------------------------

const parameterName = key(/^[a-z][a-z0-9_]{0,62}$/, "must be lowercase letters, digits or '_', starting with a letter");
const description = text().optional();
const enumSpec = strict({
  type: z.literal("enum"),
  description,
  values: z
    .array(checkedText((value) => (value === "" ? "must not be empty" : refuseUnsafe(value))))
    .min(1, "must list at least one value")
    .refine((values) => new Set(values).size === values.length, "must not list a value twice"),
  default: text().optional(),
});
const patternSpec = strict({
  type: z.literal("pattern"),
  description,
  pattern: text().min(1, "must not be empty").refine((pattern) => {
    try {
      return Boolean(new RegExp(pattern));
    } catch {
      return false;
    }
  }, "must be a valid regular expression"),
  // Values refused by default that this parameter takes on purpose: "at" (a leading @),
  // "absolute_path", "colon" (a ":" before any "/", read as host:path by tar, rsync and scp).
  allow: z.array(z.enum(UNSAFE_ALLOWANCES, `must be one of ${UNSAFE_ALLOWANCES.join(", ")}`)).optional(),
  default: text().optional(),
});
const count = z.number({ error: "must be a whole number" }).int("must be a whole number");
const integerSpec = strict({
  type: z.literal("integer"),
  description,
  // Never negative: "-5" would be read as an option.
  min: count.min(0, 'must be 0 or more (a negative number would start with "-" and be read as an option)').optional(),
  max: count.min(0, "must be 0 or more").optional(),
  default: count.optional(),
}).refine((spec) => spec.min === undefined || spec.max === undefined || spec.min <= spec.max, { path: ["max"], message: "must not be less than min" });

const typeError = { error: 'must be "enum", "pattern" or "integer"' };
// Checks across fields run only once each field is valid (zod would otherwise run them on raw input).
const whenValid = { when: (payload: { issues: unknown[] }) => payload.issues.length === 0 };

const specSchema = z.discriminatedUnion("type", [enumSpec, patternSpec, integerSpec], typeError).superRefine((spec, context) => {
  if (spec.default === undefined) return;
  for (const issue of parameterRule({ name: "", ...spec }).safeParse(spec.default).error?.issues ?? []) {
    context.addIssue({ code: "custom", path: ["default"], message: `must satisfy the parameter's own rule: ${issue.message}` });
  }
}, whenValid);

// In YAML a mapping, whose order is the form's; stored as a list, since jsonb does not keep key order.
const parametersField = z.preprocess(
  (value) =>
    Array.isArray(value) && value.every((item) => typeof item === "object" && item !== null)
      ? Object.fromEntries(value.map(({ name, ...spec }) => [name, spec]))
      : value,
  z
    .record(parameterName, specSchema, {
      error: (issue) => (issue.code === "invalid_key" ? "a parameter name must be lowercase letters, digits or '_', starting with a letter" : "must be a mapping of parameter names to their rules"),
    })
    .transform((record) => Object.entries(record).map(([name, spec]): ParameterSpec => ({ name, ...spec }))),
);

export type ParameterSpec = z.output<typeof specSchema> & { name: string };

// ---- steps ------------------------------------------------------------------------------

const argv = z
  .array(text().min(1, "must not be empty"), { error: "must be a list: the command and its arguments" })
  .min(1, "must name a command")
  .superRefine((args, context) => {
    args.forEach((arg, index) => {
      const problem =
        index === 0
          ? commandName.safeParse(arg).error?.issues[0]?.message
          : arg === DATA_DIR_PLACEHOLDER
            ? `${DATA_DIR_PLACEHOLDER} may only be used in cwd`
            : arg.includes("{{") && !wholePlaceholder(arg)
              ? `"${arg}": a parameter must be the whole argument, exactly {{name}}`
              : null;
      if (problem) context.addIssue({ code: "custom", path: [index], message: problem });
    });
  });

const cwd = checkedText((dir) => {
  const rest = dir.startsWith(DATA_DIR_PLACEHOLDER) ? dir.slice(DATA_DIR_PLACEHOLDER.length) : dir;
  if (rest.includes("{{")) return `only ${DATA_DIR_PLACEHOLDER}, at the start, may be used in cwd`;
  if (rest === dir && !dir.startsWith("/")) return `must be an absolute path or start with ${DATA_DIR_PLACEHOLDER}`;
  return dir.split("/").includes("..") ? 'must not contain a ".." path segment' : null;
});

/** The URL's problem, if any: http(s) only; parameters fill whole path segments or query values. */
function urlProblem(url: string): string | null {
  const [beforeFragment = "", fragment = ""] = url.split("#", 2);
  const [base = "", query = ""] = beforeFragment.split("?", 2);
  const origin = /^https?:\/\/[^/]+/i.exec(base)?.[0];
  if (!origin) return "must be an http:// or https:// URL";
  const parts = [
    ...base.slice(origin.length).split("/"),
    ...query.split("&").map((pair) => (pair.includes("=") ? pair.slice(pair.indexOf("=") + 1) : pair)),
  ];
  const keys = query.split("&").map((pair) => pair.split("=", 1)[0] ?? "");
  if ([origin, fragment, ...keys].some((part) => part.includes("{{")) || parts.some((part) => part.includes("{{") && !wholePlaceholder(part))) {
    return url.includes(DATA_DIR_PLACEHOLDER) ? `${DATA_DIR_PLACEHOLDER} may only be used in cwd` : "a parameter may only fill a whole path segment or query value, as {{name}}";
  }
  try {
    new URL(url.replace(PLACEHOLDER, "x"));
    return null;
  } catch {
    return "must be a valid URL";
  }
}

const jsonPath = key(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, "must be a dotted path such as result or result.peers.0");
const expectations = { min: z.number({ error: "must be a number" }).optional(), equals: scalar.optional() };
const oneCheck = <T extends { min?: number; equals?: unknown }>(value: T) => value.min === undefined || value.equals === undefined;

const httpStep = strict({
  method: z.enum(["GET", "POST", "PUT"], "must be GET, POST or PUT").default("GET"),
  url: checkedText(urlProblem),
  json: z.json({ error: "must be JSON" }).refine((body) => !hasPlaceholder(body), "must not contain {{...}}: parameters are not substituted in a request body").optional(),
  expect: strict({ status: count.min(100, "must be an HTTP status").max(599, "must be an HTTP status").optional(), json_path: jsonPath.optional(), ...expectations })
    .refine(oneCheck, "may have min or equals, not both")
    .refine((expect) => expect.json_path !== undefined || (expect.min === undefined && expect.equals === undefined), { path: ["json_path"], message: "is required with min or equals" })
    .default({}),
}).refine((http) => http.json === undefined || http.method !== "GET", { path: ["json"], message: "needs method POST or PUT: a GET has no body" });

const sqlStep = strict({
  database: key(/^[a-z][a-z0-9_-]*$/, "must be the name of a database in RUNBOOK_DATABASES"),
  query: text()
    .trim()
    .transform((query) => query.replace(/;\s*$/, ""))
    .refine((query) => /^(select|with)\b/i.test(query), "must be one read-only statement starting with SELECT or WITH")
    .refine((query) => !query.includes(";"), 'must be a single statement (";" only at the end)')
    .refine((query) => !query.includes("{{"), "must not contain {{...}}: parameters are not substituted in SQL"),
  expect: strict({ column: text().min(1, "must not be empty"), ...expectations }).refine(oneCheck, "may have min or equals, not both").optional(),
});

const stepSchema = strict({
  name: text().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  command: argv.optional(),
  cwd: cwd.optional(),
  http: httpStep.optional(),
  sql: sqlStep.optional(),
  timeout: duration.optional(),
}).superRefine((step, context) => {
  const kinds = (["command", "http", "sql"] as const).filter((kind) => step[kind] !== undefined);
  if (kinds.length !== 1) {
    context.addIssue({ code: "custom", message: kinds.length === 0 ? "must have one of command, http or sql" : `must have only one of command, http or sql, not ${kinds.join(" and ")}` });
  }
  if (step.cwd !== undefined && step.command === undefined) context.addIssue({ code: "custom", path: ["cwd"], message: "is only for command steps" });
}).transform((step) => step as StepDefinition);

type StepBase = { name: string; timeout?: number };
export type CommandStepDefinition = StepBase & { command: string[]; cwd?: string; http?: undefined; sql?: undefined };
export type HttpStepDefinition = StepBase & { http: z.output<typeof httpStep>; command?: undefined; sql?: undefined };
export type SqlStepDefinition = StepBase & { sql: z.output<typeof sqlStep>; command?: undefined; http?: undefined };
export type StepDefinition = CommandStepDefinition | HttpStepDefinition | SqlStepDefinition;
export type HttpExpectation = z.output<typeof httpStep>["expect"];
export type SqlExpectation = NonNullable<z.output<typeof sqlStep>["expect"]>;

// ---- the runbook ------------------------------------------------------------------------

/** The `{{name}}` parameters a step uses, with where each one is. */
function placeholdersOf(step: StepDefinition): { name: string; path: (string | number)[] }[] {
  const found = (text: string, path: (string | number)[]) => [...text.matchAll(PLACEHOLDER)].map((match) => ({ name: match[1]!, path }));
  if (step.command) return step.command.slice(1).flatMap((arg, index) => found(arg, ["command", index + 1]));
  return step.http ? found(step.http.url, ["http", "url"]) : [];
}

export const runbookDefinitionSchema = strict({
  // "runs" is taken: /runbooks/runs/<id> is a run's page.
  key: key(/^[a-z][a-z0-9-]{0,62}$/, "must be lowercase letters, digits or '-', starting with a letter").refine((value) => value !== "runs", 'must not be "runs" (a name Firebreak uses)'),
  title: text().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  system: key(/^[a-z][a-z0-9_-]*$/, "must be a system key").optional(),
  description: text().default(""),
  destructive: z.boolean({ error: "must be true or false" }).default(false),
  role: z.enum(["responder", "commander", "admin"], "must be responder, commander or admin").default("commander"),
  requires: z.array(commandName, { error: "must be a list of commands" }).default([]),
  timeout: duration,
  parameters: parametersField.default([]),
  steps: z.array(stepSchema, { error: "must be a list of steps" }).min(1, "must have at least one step").max(50, "must have at most 50 steps"),
}).superRefine((definition, context) => {
  const declared = definition.parameters.map((parameter) => parameter.name);
  definition.steps.forEach((step, index) => {
    for (const { name, path } of placeholdersOf(step)) {
      if (declared.includes(name)) continue;
      const known = declared.length ? `declared: ${declared.join(", ")}` : "it declares none";
      context.addIssue({ code: "custom", path: ["steps", index, ...path], message: `{{${name}}} is not a parameter of this runbook (step "${step.name}"; ${known})` });
    }
    if (step.timeout !== undefined && step.timeout > definition.timeout) {
      context.addIssue({ code: "custom", path: ["steps", index, "timeout"], message: `must not be longer than the runbook's timeout (${formatDuration(definition.timeout)})` });
    }
  });
}, whenValid);

export type RunbookDefinition = z.output<typeof runbookDefinitionSchema>;
