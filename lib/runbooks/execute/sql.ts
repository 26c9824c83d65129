import pg from "pg";
import type { ResolvedStep } from "../resolve";
import { describeValue, expectationProblem } from "./expect";
import { stepOutput } from "./output";
import { cancelled, failed, timedOut, type StepContext, type StepOutcome } from "./step-context";

type SqlStep = Extract<ResolvedStep, { kind: "sql" }>;

const SHOWN_ROWS = 20;
const CELL_WIDTH = 60;

function cell(value: unknown): string {
  const text = value === null ? "NULL" : value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, " ");
  return flat.length > CELL_WIDTH ? `${flat.slice(0, CELL_WIDTH - 1)}…` : flat;
}

/** The first rows as a small aligned text table, with how many there were. */
export function rowsTable(columns: string[], rows: unknown[][]): string {
  const shown = [columns.map(cell), ...rows.slice(0, SHOWN_ROWS).map((row) => row.map(cell))];
  const widths = columns.map((_, index) => Math.max(...shown.map((line) => line[index]!.length)));
  const line = (cells: string[]) => cells.map((text, index) => text.padEnd(widths[index]!)).join(" | ").trimEnd();
  const [header, ...body] = shown;
  const count = rows.length > SHOWN_ROWS ? `(first ${SHOWN_ROWS} of ${rows.length} rows)` : `(${rows.length} row${rows.length === 1 ? "" : "s"})`;
  return [line(header!), widths.map((width) => "-".repeat(width)).join("-+-"), ...body.map(line), count].join("\n") + "\n";
}

/**
 * A read-only check: the query runs in a READ ONLY transaction with a statement timeout, and is
 * rolled back whatever it did. The first row's `expect.column` is what is checked.
 */
export async function runSql(step: SqlStep, context: StepContext): Promise<StepOutcome> {
  const url = context.databases[step.database];
  if (!url) {
    const known = Object.keys(context.databases);
    return failed(`unknown database "${step.database}": RUNBOOK_DATABASES names ${known.length ? known.join(", ") : "no database"}`);
  }
  const client = new pg.Client({ connectionString: url, application_name: "firebreak-runbook", connectionTimeoutMillis: Math.min(step.timeoutMs, 10_000) });
  // A lost connection is reported by the query in progress; unhandled, the event would end the worker.
  client.on("error", () => undefined);
  let ending: "timed_out" | "cancelled" | null = null;
  const stop = (reason: "timed_out" | "cancelled") => {
    ending ??= reason;
    void client.end().catch(() => undefined);
  };
  const timer = setTimeout(() => stop("timed_out"), step.timeoutMs);
  const onAbort = () => stop("cancelled");
  context.signal.addEventListener("abort", onAbort, { once: true });

  let result: pg.QueryArrayResult;
  try {
    await client.connect();
    await client.query("BEGIN READ ONLY");
    await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.ceil(step.timeoutMs))}`);
    result = await client.query({ text: step.query, rowMode: "array" });
    await client.query("ROLLBACK");
  } catch (error) {
    if (ending === "cancelled") return cancelled();
    // 57014: the statement timeout ended the query.
    if (ending === "timed_out" || (error as { code?: string }).code === "57014") return timedOut(step.timeoutMs);
    return failed(`query failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    clearTimeout(timer);
    context.signal.removeEventListener("abort", onAbort);
    await client.end().catch(() => undefined);
  }

  const columns = result.fields.map((field) => field.name);
  const output = stepOutput(context);
  output.write("stdout", rowsTable(columns, result.rows));
  output.end();

  const rowCount = `${result.rows.length} row${result.rows.length === 1 ? "" : "s"}`;
  const { expect } = step;
  if (!expect) return { status: "succeeded", exitCode: null, result: rowCount, error: null };
  const index = columns.indexOf(expect.column);
  if (index < 0) return failed(`column "${expect.column}" is not in the result (columns: ${columns.join(", ") || "none"})`, rowCount);
  if (result.rows.length === 0) return failed("the query returned no rows", rowCount);
  const value = result.rows[0]![index];
  const problem = expectationProblem(expect.column, value, expect);
  const checked = `${expect.column} = ${describeValue(value)}`;
  return problem ? failed(problem, checked) : { status: "succeeded", exitCode: null, result: checked, error: null };
}
