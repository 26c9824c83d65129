import { PrismaPg } from "@prisma/adapter-pg";
import { requireSetting } from "@/lib/env";
import { PrismaClient } from "./generated/client";

export function createPrismaClient(connectionString: string) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: 10 }),
    // Secrets stay in the database unless a query asks for them with `omit: { passwordHash: false }`.
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const cache = globalThis as unknown as { firebreakPrisma?: Db };

function instance(): Db {
  cache.firebreakPrisma ??= createPrismaClient(requireSetting("DATABASE_URL"));
  return cache.firebreakPrisma;
}

// Created on first use, so importing this module (as `next build` does) needs no database.
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = instance();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
