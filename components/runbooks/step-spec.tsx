import { formatDuration } from "@/lib/config/duration";
import type { HttpExpectation, SqlExpectation } from "@/lib/runbooks/definition";
import type { ResolvedStep } from "@/lib/runbooks/resolve";

/** "result ≥ 1", "result = "138"", or just the path: what a check compares. */
function valueCheck(label: string, expect: { min?: number; equals?: unknown }): string {
  if (expect.min !== undefined) return `${label} ≥ ${expect.min}`;
  if (expect.equals !== undefined) return `${label} = ${JSON.stringify(expect.equals)}`;
  return `${label} present`;
}

function checks(step: ResolvedStep): string[] {
  if (step.kind === "http") {
    const expect: HttpExpectation = step.expect;
    return [...(expect.status !== undefined ? [`status ${expect.status}`] : []), ...(expect.json_path ? [valueCheck(`JSON ${expect.json_path}`, expect)] : [])];
  }
  if (step.kind === "sql") {
    const expect: SqlExpectation | null = step.expect;
    return expect ? [valueCheck(`column ${expect.column}`, expect)] : [];
  }
  return ["exit code 0"];
}

/** Each argument on its own, quoted, so what is one argument is plain (a value with spaces stays one). */
function Argv({ argv }: { argv: string[] }) {
  return (
    <p className="flex flex-wrap gap-1" data-testid="step-argv">
      {argv.map((arg, index) => (
        <code key={index} data-testid="argv-arg" className="whitespace-pre rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">
          {arg}
        </code>
      ))}
    </p>
  );
}

const codeBlock = "overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs";

/** One step, command, request or query, exactly as written or as it will run. */
export function StepSpec({ step, number }: { step: ResolvedStep; number: number }) {
  const expected = checks(step);
  return (
    <li className="grid gap-2 rounded-md border border-slate-200 p-3 text-sm" data-testid="step-spec" data-kind={step.kind}>
      <p>
        <span className="text-slate-500">{number}.</span> <span className="font-medium">{step.name}</span>{" "}
        <span className="text-xs uppercase tracking-wide text-slate-500">{step.kind}</span>
      </p>
      {step.kind === "command" && (
        <>
          <Argv argv={step.argv} />
          <p className="text-slate-600">
            In <code className="font-mono text-xs" data-testid="step-cwd">{step.cwd ?? "the worker's working directory"}</code>, without a shell.
          </p>
        </>
      )}
      {step.kind === "http" && (
        <>
          <p className="break-all font-mono text-xs" data-testid="step-request">
            {step.method} {step.url}
          </p>
          {step.json !== undefined && <pre className={codeBlock} data-testid="step-body">{JSON.stringify(step.json, null, 2)}</pre>}
        </>
      )}
      {step.kind === "sql" && (
        <>
          <p className="text-slate-600">
            Read-only, on the database <code className="font-mono text-xs">{step.database}</code>:
          </p>
          <pre className={codeBlock} data-testid="step-query">{step.query}</pre>
        </>
      )}
      <p className="text-slate-600" data-testid="step-limits">
        Expects {expected.length > 0 ? expected.join(" and ") : "an answer"} · stops after {formatDuration(Math.round(step.timeoutMs / 1000))}
      </p>
    </li>
  );
}
