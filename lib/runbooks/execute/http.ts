import type { ResolvedStep } from "../resolve";
import { describeValue, expectationProblem } from "./expect";
import { stepOutput } from "./output";
import { cancelled, failed, timedOut, type StepContext, type StepOutcome } from "./step-context";

type HttpStep = Extract<ResolvedStep, { kind: "http" }>;

/** Most of a response read (to find the JSON path in); the output shows only an excerpt. */
const BODY_LIMIT = 1024 * 1024;
const EXCERPT_LIMIT = 4096;

async function readBody(response: Response): Promise<{ text: string; complete: boolean }> {
  if (!response.body) return { text: "", complete: true };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: Buffer.concat(chunks).toString("utf8"), complete: true };
    chunks.push(value);
    size += value.length;
    if (size > BODY_LIMIT) {
      await reader.cancel();
      return { text: Buffer.concat(chunks).subarray(0, BODY_LIMIT).toString("utf8"), complete: false };
    }
  }
}

function valueAt(document: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, part) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined), document);
}

const reason = (error: unknown) => {
  const cause = error instanceof Error ? (error.cause as NodeJS.ErrnoException | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
};

/** One HTTP request, then its checks: the status, and a value found by a dotted JSON path. */
export async function runHttp(step: HttpStep, context: StepContext): Promise<StepOutcome> {
  const timeout = AbortSignal.timeout(step.timeoutMs);
  const hasBody = step.json !== undefined;
  context.onOutput("info", context.redact(`${step.method} ${step.url}\n`));
  let response: Response;
  let body: { text: string; complete: boolean };
  try {
    response = await fetch(step.url, {
      method: step.method,
      headers: hasBody ? { "content-type": "application/json", accept: "application/json" } : { accept: "application/json" },
      body: hasBody ? JSON.stringify(step.json) : undefined,
      // A step calls the URL its runbook names, nowhere else: a redirect is an answer, not a hop.
      redirect: "manual",
      signal: AbortSignal.any([context.signal, timeout]),
    });
    body = await readBody(response);
  } catch (error) {
    if (context.signal.aborted) return cancelled();
    if (timeout.aborted) return timedOut(step.timeoutMs);
    return failed(`request failed: ${reason(error)}`);
  }

  const output = stepOutput(context, EXCERPT_LIMIT);
  output.write("stdout", body.text);
  output.end();

  const { expect } = step;
  const statusText = `HTTP ${response.status}`;
  if (response.status >= 300 && response.status < 400 && expect.status !== response.status) {
    const location = response.headers.get("location");
    return failed(`redirected${location ? ` to ${context.redact(location)}` : ""}: HTTP steps do not follow redirects; name the final URL in the runbook`, statusText);
  }
  if (expect.status !== undefined ? response.status !== expect.status : !response.ok) {
    return failed(`expected ${expect.status !== undefined ? `HTTP ${expect.status}` : "a 2xx status"}, got ${statusText}`, statusText);
  }
  if (expect.json_path === undefined) return { status: "succeeded", exitCode: null, result: statusText, error: null };

  if (!body.complete) return failed(`the response is larger than ${BODY_LIMIT} bytes: too large to check`, statusText);
  let document: unknown;
  try {
    document = JSON.parse(body.text);
  } catch {
    return failed("the response is not JSON", statusText);
  }
  const value = valueAt(document, expect.json_path);
  if (value === undefined) return failed(`${expect.json_path} is not in the response`, statusText);
  const result = `${statusText}, ${expect.json_path} = ${describeValue(value)}`;
  const problem = expectationProblem(expect.json_path, value, expect);
  return problem ? failed(problem, result) : { status: "succeeded", exitCode: null, result, error: null };
}
