import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { requireSetting } from "@/lib/env";
import { PrismaClient } from "./generated/client";

// Prisma refuses an interactive transaction that waits 2 s for a connection or runs 5 s. On a
// machine whose cores are saturated (an alert storm, a noisy neighbour) that refuses an incident's
// declaration or an acknowledgement exactly when it matters; slower is fine, refused is not.
// PostgreSQL itself ends a transaction left idle by a process that hung, so its row locks are freed.
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 60_000 };
const IDLE_IN_TRANSACTION_MS = 60_000;

// From the global registry: a module loaded again (development, tests) finds the pool of the client kept on globalThis.
const POOL = Symbol.for("firebreak.pool");

/**
 * Statements PostgreSQL keeps parsed per connection, so a query the application runs again is not
 * parsed and planned again: that was most of PostgreSQL's CPU for the short statements of an alert
 * storm. Each distinct text is named once per process; past a bound (a text built per call, an IN
 * list of every length) new texts run unnamed, so neither side keeps statements without limit.
 */
const MAX_NAMED_STATEMENTS = 500;
const statementNames = new Map<string, string>();

/** The statement's name, or "" (unnamed) once the bound is reached. */
function statementName({ sql }: { sql: string }): string {
  let name = statementNames.get(sql);
  if (name === undefined && statementNames.size < MAX_NAMED_STATEMENTS) statementNames.set(sql, (name = `firebreak.q${statementNames.size + 1}`));
  return name ?? "";
}

export function createPrismaClient(connectionString: string) {
  const pool = new pg.Pool({ connectionString, max: 10, idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS });
  // A connection that drops while idle is replaced at the next query; the outage shows in the queries that fail.
  pool.on("error", () => undefined);
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true, statementNameGenerator: statementName }),
    transactionOptions: TRANSACTION_OPTIONS,
    // Secrets stay in the database unless a query asks for them with `omit: { passwordHash: false }`.
    omit: { user: { passwordHash: true } },
  });
  Object.defineProperty(client, POOL, { value: pool });
  return client;
}

/**
 * The connection pool under a client, for the few statements on an alert storm's hot path that skip
 * Prisma's query layer: it costs about a millisecond of CPU a query, a fifth of what a post of
 * alerts may use. Timestamps Prisma writes are UTC without a zone: select them `AT TIME ZONE 'UTC'`.
 */
export function poolOf(client: Db): pg.Pool {
  return (client as unknown as { [POOL]: pg.Pool })[POOL];
}

export type Db = ReturnType<typeof createPrismaClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// One client per process, kept on globalThis so that a module reloaded in development reuses it.
const cache = globalThis as unknown as { firebreakPrismaClient?: Db };

function instance(): Db {
  cache.firebreakPrismaClient ??= createPrismaClient(requireSetting("DATABASE_URL"));
  return cache.firebreakPrismaClient;
}

// Created on first use, so importing this module (as `next build` does) needs no database.
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = instance();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
