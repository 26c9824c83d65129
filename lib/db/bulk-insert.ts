import type { Tx } from "./client";

// Prisma compiles every createMany afresh (its plan cache leaves them out: their shape changes
// with the number of rows), which costs more CPU than the insert itself. The few multi-row inserts
// on an alert storm's paths go through here instead: one statement with one parameter, the rows as
// JSON, so its text and plan are the same whatever the number of rows.

/** A column and its PostgreSQL type, as `jsonb_to_recordset` reads it from each row's JSON. */
export type Columns<Row> = { readonly [Name in keyof Row & string]: string };

export interface BulkInsert<Row> {
  table: string;
  columns: Columns<Row>;
  /** `ON CONFLICT DO NOTHING`: rows a unique key already has are skipped. */
  skipDuplicates?: boolean;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The statement for a table and its columns, built once per call site from constants (never from
 * input). Timestamps are `timestamp(3)` columns holding UTC, as Prisma writes them: a JSON date's
 * "Z" is ignored by that type, so the value is stored as UTC whatever the session's zone.
 */
function insertSql<Row>({ table, columns, skipDuplicates }: BulkInsert<Row>, returning: readonly string[]): string {
  const names = Object.keys(columns).map(quote).join(", ");
  const types = Object.entries<string>(columns).map(([name, type]) => `${quote(name)} ${type}`).join(", ");
  return (
    `INSERT INTO ${quote(table)} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${types})` +
    (skipDuplicates ? " ON CONFLICT DO NOTHING" : "") +
    (returning.length ? ` RETURNING ${returning.map(quote).join(", ")}` : "")
  );
}

/** An insert of many rows in one statement, in the caller's transaction. */
export function bulkInsert<Row>(insert: BulkInsert<Row>) {
  const sql = insertSql(insert, []);
  return async (tx: Tx, rows: readonly Row[]): Promise<void> => {
    if (rows.length > 0) await tx.$executeRawUnsafe(sql, JSON.stringify(rows));
  };
}

/** The same, returning the given columns of the rows written (not of those skipped as duplicates). */
export function bulkInsertReturning<Row, Returned extends keyof Row & string>(insert: BulkInsert<Row>, returning: readonly Returned[]) {
  const sql = insertSql(insert, returning);
  return async (tx: Tx, rows: readonly Row[]): Promise<Pick<Row, Returned>[]> =>
    rows.length > 0 ? tx.$queryRawUnsafe<Pick<Row, Returned>[]>(sql, JSON.stringify(rows)) : [];
}
