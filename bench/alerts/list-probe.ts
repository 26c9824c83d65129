// A commander's browser during the storm: a page, signed in, requested once a second (the next one
// at once when an answer took longer) until the storm ends. The bench probes the incident list and
// one incident's page side by side.

export interface PageProbe {
  /** Ends the probe once its request in flight is answered. */
  stop(): Promise<{ ms: number[]; failed: number }>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function probePage(url: string, cookie: string): PageProbe {
  const ms: number[] = [];
  let failed = 0;
  let stopped = false;
  const running = (async () => {
    while (!stopped) {
      const started = performance.now();
      try {
        const response = await fetch(url, { headers: { cookie } });
        await response.arrayBuffer();
        if (response.ok) ms.push(performance.now() - started);
        else failed += 1;
      } catch {
        failed += 1;
      }
      const wait = 1000 - (performance.now() - started);
      if (wait > 0 && !stopped) await sleep(wait);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await running;
      return { ms, failed };
    },
  };
}
