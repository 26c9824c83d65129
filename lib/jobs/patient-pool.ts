import pg from "pg";
import { isDatabaseUnavailable, type OutageReporter } from "@/lib/db/availability";

type ConnectCallback = (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The job queue's connection pool, which waits out a database that is restarting or failing over
 * instead of failing at once. graphile-worker gives up on a worker slot for good when it cannot
 * record a job's end ("committing seppuku") and does not replace it; with this pool that
 * bookkeeping, and the search for the next job, wait for the database to return, trying every
 * second at most, so work resumes within a second of its return. Waiting ends once the worker
 * starts shutting down.
 */
export class PatientPool extends pg.Pool {
  private patient = true;
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
        return client;
      } catch (error) {
        if (!this.patient || this.ending || !isDatabaseUnavailable(error)) throw error;
        this.reporter.failed(error);
        await sleep(Math.min(1_000, 100 * 2 ** attempt));
      }
    }
  }
}
