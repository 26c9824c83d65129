// `npm run bench:fuzz`: at least 10,000 malformed, oversized, wrongly typed and wrongly signed
// inputs (fast-check) across every webhook, API route and server action of the production build,
// against a throwaway PostgreSQL with the demo organisation. Every input is refused by construction,
// so the database must end as it began (bar the sign-in and token bookkeeping every request may
// write), and no answer may be a 5xx. Last line:
// `fuzz-bench requests=<n> server_errors=<n> changed_rows=<n> p99_ms=<n>`; exit 1 on a 5xx or a changed row.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { takeOverShutdownSignals } from "@/lib/db/embedded";
import { DEMO_PASSWORD, demoUsers, seedDemo } from "@/lib/demo/seed";
import { createToken } from "@/lib/tokens/tokens";
import { freePort } from "@/test/free-port";
import { builtActions } from "@/test/server-actions";
import { fuzzRequests, type FuzzRequest } from "./fuzz/inputs";
import { loadAverage, log, positiveWhole } from "./support/cli";
import { startBenchDatabase } from "./support/database";
import { percentiles } from "./support/percentiles";
import { launchBenchServer } from "./support/server";
import { signIn } from "./support/session";

const { values: flags } = parseArgs({
  options: {
    requests: { type: "string", default: "10000" },
    concurrency: { type: "string", default: "8" },
    seed: { type: "string", default: String(Date.now() % 1_000_000) },
  },
});

/** Bookkeeping any request may write: sign-in history and throttling, a token's last use, refused sign-ins in the audit log. */
const BOOKKEEPING = new Set(["SignInAttempt", "SignInThrottle", "ApiToken"]);
const SNAPSHOT = "fuzz_before";

async function publicTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`);
  return rows.map((row) => row.name).filter((name) => !BOOKKEEPING.has(name));
}

const rowsOf = (schema: string, table: string) =>
  table === "AuditEntry" ? `SELECT t::text AS row FROM ${schema}."AuditEntry" t WHERE action <> 'auth.sign_in_refused'` : `SELECT t::text AS row FROM ${schema}."${table}" t`;

/** Rows that differ, table by table, between now and the snapshot (added, removed or changed). */
async function changedRows(client: pg.Client, tables: string[]): Promise<Map<string, number>> {
  const changed = new Map<string, number>();
  for (const table of tables) {
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) AS count FROM ((${rowsOf("public", table)} EXCEPT ALL ${rowsOf(SNAPSHOT, table)}) UNION ALL (${rowsOf(SNAPSHOT, table)} EXCEPT ALL ${rowsOf("public", table)})) AS differing`,
    );
    const count = Number(rows[0]!.count);
    if (count > 0) changed.set(table, count);
  }
  return changed;
}

interface Answer {
  request: FuzzRequest;
  status: number;
  ms: number;
  excerpt: string;
}

async function send(baseUrl: string, request: FuzzRequest): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}${request.path}`, { method: request.method, headers: request.headers, body: request.body, redirect: "manual" });
    const text = await response.text();
    return { request, status: response.status, ms: performance.now() - started, excerpt: text.slice(0, 200) };
  } catch (error) {
    // The server closing a connection on a body over its limit is a refusal, not a failure.
    return { request, status: 0, ms: performance.now() - started, excerpt: error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : String(error) };
  }
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build in .next (BUILD_ID is missing): run `npm run build` first");
  const total = positiveWhole(flags, "requests");
  const concurrency = positiveWhole(flags, "concurrency");
  const seed = positiveWhole(flags, "seed");
  takeOverShutdownSignals();
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    while (stops.length > 0) await stops.pop()!().catch((error: unknown) => console.error(error));
  };
  process.once("SIGINT", () => void stopAll().then(() => process.exit(130)));

  try {
    const database = await startBenchDatabase();
    stops.push(database.stop);
    const db = createPrismaClient(database.url);
    stops.push(() => db.$disconnect());
    await seedDemo(db, undefined, { history: false });
    const cli = { id: null, label: "bench" };
    const tokens = {
      alerts: (await createToken(db, { name: "fuzz-alerts", scopes: ["alerts:write"] }, cli)).token,
      backups: (await createToken(db, { name: "fuzz-backups", scopes: ["backups:write"] }, cli)).token,
    };

    // Both providers configured (never called: no worker runs), so every signature is checked.
    const sendgridKeys = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    const twilioAuthToken = randomBytes(16).toString("hex");
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const authSecret = randomBytes(32).toString("hex");
    const server = launchBenchServer({
      databaseUrl: database.url,
      authSecret,
      port,
      env: {
        PUBLIC_URL: baseUrl,
        TWILIO_ACCOUNT_SID: `AC${"f".repeat(32)}`,
        TWILIO_AUTH_TOKEN: twilioAuthToken,
        TWILIO_FROM: "+15005550006",
        TWILIO_API_URL: "http://127.0.0.1:9",
        SENDGRID_API_KEY: "SG.fuzz",
        SENDGRID_FROM: "pages@firebreak.test",
        SENDGRID_API_URL: "http://127.0.0.1:9",
        SENDGRID_WEBHOOK_PUBLIC_KEY: sendgridKeys.publicKey.export({ type: "spki", format: "der" }).toString("base64"),
      },
    });
    stops.push(server.stop);
    await server.ready();
    const userOf = (role: string) => demoUsers.find((user) => user.role === role)!.email;
    const cookies = { admin: await signIn(baseUrl, userOf("admin"), DEMO_PASSWORD), viewer: await signIn(baseUrl, userOf("viewer"), DEMO_PASSWORD) };
    const actions = builtActions();
    log(`production server (existing build) at ${baseUrl}, demo organisation, both providers configured; ${actions.length} server actions; seed ${seed}`);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    stops.push(() => client.end());
    const tables = await publicTables(client);
    await client.query(`CREATE SCHEMA ${SNAPSHOT}`);
    for (const table of tables) await client.query(`CREATE TABLE ${SNAPSHOT}."${table}" AS SELECT * FROM public."${table}"`);

    const requests = fuzzRequests(
      { baseUrl, publicUrl: baseUrl, tokens, cookies, twilioAuthToken, sendgridPrivateKey: sendgridKeys.privateKey.export({ type: "pkcs8", format: "pem" }).toString(), actions },
      total,
      seed,
    );
    log(`${requests.length} requests, ${concurrency} at a time; ${loadAverage()}`);
    const answers: Answer[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests.length) answers.push(await send(baseUrl, requests[next++]!));
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    const byTarget = new Map<string, Map<number, number>>();
    for (const answer of answers) {
      const statuses = byTarget.get(answer.request.target) ?? new Map<number, number>();
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      byTarget.set(answer.request.target, statuses);
    }
    for (const [target, statuses] of [...byTarget].sort()) {
      log(`  ${target}: ${[...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status === 0 ? "closed" : status} ×${count}`).join(", ")}`);
    }
    for (const answer of [...answers].sort((a, b) => b.ms - a.ms).slice(0, 5)) {
      log(`slowest: ${answer.request.target} → ${answer.status === 0 ? "closed" : answer.status} in ${answer.ms.toFixed(0)} ms (${typeof answer.request.body === "string" ? answer.request.body.length : "form"} bytes)`);
    }
    const serverErrors = answers.filter((answer) => answer.status >= 500);
    for (const answer of serverErrors.slice(0, 10)) log(`5xx: ${answer.request.target} ${answer.request.path} → ${answer.status} ${answer.excerpt.replace(/\s+/g, " ")}`);
    const changed = await changedRows(client, tables);
    for (const [table, count] of changed) log(`changed: ${table}, ${count} row(s)`);
    const changedTotal = [...changed.values()].reduce((sum, count) => sum + count, 0);
    const latency = percentiles(answers.map((answer) => answer.ms));
    log(`${answers.length} answered in ${seconds.toFixed(1)} s; latency p50 ${latency.p50.toFixed(1)}, p99 ${latency.p99.toFixed(1)}, max ${latency.max.toFixed(1)} ms; ${loadAverage()}`);

    await stopAll();
    console.log(`fuzz-bench requests=${answers.length} server_errors=${serverErrors.length} changed_rows=${changedTotal} p99_ms=${latency.p99.toFixed(1)}`);
    process.exit(serverErrors.length > 0 || changedTotal > 0 ? 1 : 0);
  } catch (error) {
    console.error(error);
    await stopAll();
    process.exit(1);
  }
}

void main();
