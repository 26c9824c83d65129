import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { Db } from "@/lib/db/client";
import { PrismaClient } from "@/lib/db/generated/client";

export interface ExplainedQuery {
  sql: string;
  executionMs: number;
  plan: string;
}

/** Runs `work` on a Prisma client that records its SQL, then EXPLAIN ANALYZEs each statement it sent, slowest first. */
export async function explainQueries(url: string, work: (db: Db) => Promise<unknown>): Promise<ExplainedQuery[]> {
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 1 }),
    log: [{ emit: "event", level: "query" }],
    omit: { user: { passwordHash: true } },
  });
  const sent: { sql: string; params: unknown[] }[] = [];
  prisma.$on("query", (event) => sent.push({ sql: event.query, params: JSON.parse(event.params) as unknown[] }));
  const client = new pg.Client({ connectionString: url });
  try {
    await work(prisma);
    await client.connect();
    const explained: ExplainedQuery[] = [];
    for (const { sql, params } of sent) {
      const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      const plan = rows.map((row) => row["QUERY PLAN"]);
      const executionMs = Number(/Execution Time: ([\d.]+)/.exec(plan.join("\n"))?.[1] ?? Number.NaN);
      explained.push({ sql: sql.replaceAll('"public".', ""), executionMs, plan: plan.join("\n") });
    }
    return explained.sort((a, b) => b.executionMs - a.executionMs);
  } finally {
    await client.end().catch(() => undefined);
    await prisma.$disconnect();
  }
}
