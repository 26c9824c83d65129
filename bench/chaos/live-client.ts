// A browser's live-update stream (server-sent events), signed in as a viewer: when its web server
// dies it reconnects after a second, to the next server, as EventSource behind a load balancer
// does; the run checks that it hears changes again after every fault.

const RECONNECT_MS = 1_000;

export class LiveClient {
  /** Date.now() of every `data:` message received. */
  readonly messages: number[] = [];
  /** Date.now() of every connection that answered 200. */
  readonly connects: number[] = [];
  private controller = new AbortController();
  private loop: Promise<void> | null = null;

  private attempts = 0;

  constructor(
    private readonly urls: string[],
    private readonly cookie: string,
  ) {}

  start(): void {
    this.loop = (async () => {
      while (!this.controller.signal.aborted) {
        await this.follow().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
      }
    })();
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await this.loop;
  }

  /** Seconds from `at` to the first message at or after it; undefined if none came. */
  heardAfter(at: Date): number | undefined {
    const first = this.messages.find((time) => time >= at.getTime());
    return first === undefined ? undefined : (first - at.getTime()) / 1000;
  }

  private async follow(): Promise<void> {
    const url = this.urls[this.attempts++ % this.urls.length];
    const response = await fetch(`${url}/api/live`, { headers: { cookie: this.cookie, accept: "text/event-stream" }, signal: this.controller.signal });
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      return;
    }
    this.connects.push(Date.now());
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    let buffered = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffered += decoder.decode(value, { stream: true });
      const events = buffered.split("\n\n");
      buffered = events.pop() ?? "";
      for (const event of events) if (event.split("\n").some((line) => line.startsWith("data:"))) this.messages.push(Date.now());
    }
  }
}
