// PostgreSQL restarting, failing over or crashing is an outage to wait out, not a bug: these
// helpers tell such errors apart from the rest and wait until the database answers again.

// SQLSTATE classes 08 (connection exception) and 57P (the server shutting down, crashed or
// still starting), and what pg and the Prisma adapter say when the socket itself fails.
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-4])$/;
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"]);
const UNAVAILABLE_MESSAGES = [/Connection terminated/i, /connection error and is not queryable/i, /Client has encountered a connection error/i, /Can't reach database server/i];

interface ErrorShape {
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: unknown } };
}

/** True when an error (from pg, graphile-worker or Prisma) means the database could not be reached or dropped the connection. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const shape = error as ErrorShape;
  if (typeof shape.code === "string" && (UNAVAILABLE_SQLSTATE.test(shape.code) || UNAVAILABLE_SOCKET_CODES.has(shape.code))) return true;
  if (typeof shape.kind === "string" && UNAVAILABLE_KINDS.has(shape.kind)) return true;
  if (typeof shape.message === "string" && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(shape.message as string))) return true;
  return isDatabaseUnavailable(shape.meta?.driverAdapterError?.cause, depth + 1) || isDatabaseUnavailable(shape.cause, depth + 1);
}

const SETTLED_MS = 1_000;

/** Says once every few seconds, not once per failed query, that the database is away, and when it is back. */
export class OutageReporter {
  private since: number | null = null;
  private lastFailed = 0;
  private lastSaid: number | null = null;

  constructor(
    private readonly say: (line: string) => void,
    private readonly everyMs = 5_000,
    private readonly now = () => Date.now(),
  ) {}

  get down(): boolean {
    return this.since !== null;
  }

  failed(error: unknown): void {
    const now = this.now();
    this.since ??= now;
    this.lastFailed = now;
    if (this.lastSaid !== null && now - this.lastSaid < this.everyMs) return;
    this.lastSaid = now;
    const detail = error instanceof Error ? error.message.split("\n").filter(Boolean).at(-1) : String(error);
    const seconds = Math.round((now - this.since) / 1000);
    this.say(`PostgreSQL unreachable${seconds > 0 ? ` for ${seconds} s` : ""} (${detail}); retrying`);
  }

  recovered(): void {
    // A query on a connection that outlived the failure of others is not the database's return.
    if (this.since === null || this.now() - this.lastFailed < SETTLED_MS) return;
    this.say(`PostgreSQL answers again after ${((this.now() - this.since) / 1000).toFixed(1)} s`);
    this.since = null;
    this.lastSaid = null;
  }
}

/** This process's account of the database being away, shared by everything that waits for it. */
export const databaseOutage = new OutageReporter((line) => console.warn(`[database] ${line}`));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface PatienceOptions {
  /** databaseOutage unless given. */
  reporter?: OutageReporter;
  /** Stops waiting (the error is thrown) once this says so: a process shutting down. */
  giveUp?: () => boolean;
}

/**
 * Runs `work` until it succeeds, retrying with backoff (0.1 s doubling to 1 s) for as long as the
 * database is unavailable; any other error is thrown at once. For writes that record what already
 * happened outside the database (a provider took a page, a runbook step ended): losing them would
 * make the work run again. `work` must be safe to repeat, since a commit whose answer was lost may
 * have landed.
 */
export async function untilDatabaseAnswers<T>(work: () => Promise<T>, options: PatienceOptions = {}): Promise<T> {
  const { reporter = databaseOutage, giveUp } = options;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const result = await work();
      reporter.recovered();
      return result;
    } catch (error) {
      if (!isDatabaseUnavailable(error) || giveUp?.()) throw error;
      reporter.failed(error);
      await sleep(Math.min(1_000, 100 * 2 ** attempt));
    }
  }
}
