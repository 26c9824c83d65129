import pg from "pg";

// The demo's stand-in for the plan's chain138 database, so a runbook's sql step
// (`SELECT count(*) FROM blocks`, as in recover-db.sh) has real rows to count.

export const DEMO_CHAIN_DATABASE = "chain138";
/** The demo chain's newest block; the demo JSON-RPC responder reports it as eth_blockNumber. */
export const DEMO_CHAIN_HEAD = 300;

async function withClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/**
 * Creates the database (unless it exists) with a `blocks` table holding blocks 0..DEMO_CHAIN_HEAD,
 * two seconds apart and ending now; existing rows are kept. `adminUrl` is any database on the
 * server, as a user who may create databases. Returns the chain database's URL.
 */
export async function ensureDemoChainDatabase(adminUrl: string, name = DEMO_CHAIN_DATABASE): Promise<string> {
  await withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`).catch((error: { code?: string }) => {
      // Another process created it between the check and now.
      if (error.code !== "42P04") throw error;
    });
  });
  const url = databaseUrl(adminUrl, name);
  await withClient(url, async (client) => {
    await client.query(`CREATE TABLE IF NOT EXISTS blocks (number bigint PRIMARY KEY, hash text NOT NULL, "timestamp" timestamptz NOT NULL)`);
    await client.query(
      `INSERT INTO blocks (number, hash, "timestamp")
       SELECT n, '0x' || md5('chain138-block-' || n) || md5('chain138-hash-' || n), now() - ($1 - n) * interval '2 seconds'
       FROM generate_series(0, $1::int) AS n
       ON CONFLICT (number) DO NOTHING`,
      [DEMO_CHAIN_HEAD],
    );
  });
  return url;
}
