import { PrismaPg } from "@prisma/adapter-pg";
import { requireSetting } from "@/lib/env";
import { PrismaClient } from "./generated/client";

// Prisma refuses an interactive transaction that waits 2 s for a connection or runs 5 s. On a
// machine whose cores are saturated (an alert storm, a noisy neighbour) that refuses an incident's
// declaration or an acknowledgement exactly when it matters; slower is fine, refused is not.
// PostgreSQL itself ends a transaction left idle by a process that hung, so its row locks are freed.
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 60_000 };
const IDLE_IN_TRANSACTION_MS = 60_000;

export function createPrismaClient(connectionString: string) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: 10, idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS }),
    transactionOptions: TRANSACTION_OPTIONS,
    // Secrets stay in the database unless a query asks for them with `omit: { passwordHash: false }`.
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// One client per generated client class, kept on globalThis so that a module reloaded in
// development reuses it. Keyed by class because the web process holds two copies of this code:
// Next's bundle and the fast lane's (lib/http/fast-lane.ts); each must use the client it was built with.
const cache = globalThis as unknown as { firebreakPrismaClients?: Map<typeof PrismaClient, Db> };

function instance(): Db {
  cache.firebreakPrismaClients ??= new Map();
  let client = cache.firebreakPrismaClients.get(PrismaClient);
  if (!client) {
    client = createPrismaClient(requireSetting("DATABASE_URL"));
    cache.firebreakPrismaClients.set(PrismaClient, client);
  }
  return client;
}

// Created on first use, so importing this module (as `next build` does) needs no database.
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = instance();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
