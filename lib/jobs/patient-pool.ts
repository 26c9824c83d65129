import pg from "pg";
import { isDatabaseUnavailable, type OutageReporter } from "@/lib/db/availability";

type ConnectCallback = (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// graphile-worker retries its bookkeeping statements (a job's end, a job's failure) on a fresh
// connection only for a few error codes, "cannot connect now" among them; for a connection that
// dropped under it, it gives the slot up for good ("committing seppuku"). Each of those statements
// stands alone and may be repeated (a job deleted twice, a failure counted twice), so a dropped
// connection is reported to it as that code.
const RETRY_ON_FRESH_CONNECTION = "57P03";

function asRetryable(error: unknown): unknown {
  if (!isDatabaseUnavailable(error) || (error as { code?: unknown }).code === RETRY_ON_FRESH_CONNECTION) return error;
  return Object.assign(new Error(error instanceof Error ? error.message : String(error), { cause: error }), { code: RETRY_ON_FRESH_CONNECTION });
}

type Query = (...args: unknown[]) => unknown;

/**
 * The job queue's connection pool, which waits out a database that is restarting or failing over
 * instead of failing at once: connecting waits for the database to return, trying every second at
 * most, so work resumes within a second of its return, and a statement whose connection dropped is
 * retried by graphile-worker on a new one (see RETRY_ON_FRESH_CONNECTION). Waiting ends once the
 * worker starts shutting down.
 */
export class PatientPool extends pg.Pool {
  private patient = true;
  private readonly guarded = new WeakSet<pg.PoolClient>();
  constructor(
    config: pg.PoolConfig,
    private readonly reporter: OutageReporter,
  ) {
    super(config);
    // An idle connection the server dropped (a restart, a failover) is replaced, not a crash.
    this.on("error", (error) => reporter.failed(error));
  }

  /** From now on a connection that fails fails at once. */
  stopWaiting(): void {
    this.patient = false;
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    const connecting = this.connectPatiently();
    if (!callback) return connecting;
    connecting.then(
      (client) => callback(undefined, client, (release) => client.release(release as Error | boolean | undefined)),
      (error: Error) => callback(error, undefined, () => undefined),
    );
  }

  private async connectPatiently(): Promise<pg.PoolClient> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const client = await super.connect();
        this.reporter.recovered();
        return this.guard(client);
      } catch (error) {
        if (!this.patient || this.ending || !isDatabaseUnavailable(error)) throw error;
        this.reporter.failed(error);
        await sleep(Math.min(1_000, 100 * 2 ** attempt));
      }
    }
  }

  /** The client, its failures from a dropped connection reported as retryable (promise and callback calls alike). */
  private guard(client: pg.PoolClient): pg.PoolClient {
    if (this.guarded.has(client)) return client;
    this.guarded.add(client);
    const query = client.query.bind(client) as Query;
    const guarded: Query = (...args) => {
      const callback = args.at(-1);
      if (typeof callback === "function") {
        args[args.length - 1] = (error: unknown, ...rest: unknown[]) => (callback as Query)(error ? asRetryable(error) : error, ...rest);
        return query(...args);
      }
      const result = query(...args);
      return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(asRetryable(error))) : result;
    };
    (client as unknown as { query: Query }).query = guarded;
    return client;
  }
}
