// When the provider sandbox received each page. The sandbox runs in this process and calls its
// `log` setting synchronously as it records a request ("twilio 201 to +1555… (page <id>) SM…"),
// so that call is the moment of receipt on this process's clock, with no polling in between.

const ACCEPTED_LINE = /^(?:twilio 201|sendgrid 202) to \S+ \(page (\S+)\)/;

export interface Receipt {
  pageId: string;
  /** performance.now() at receipt. */
  at: number;
}

export class ReceiptLog {
  private readonly firstAt = new Map<string, number>();
  private readonly order: string[] = [];
  private waiting: (() => void)[] = [];

  /** Give this to the sandbox as its `log` setting. */
  readonly onSandboxLine = (line: string): void => {
    const at = performance.now();
    const pageId = ACCEPTED_LINE.exec(line)?.[1];
    // Only the first accepted request per page counts here; repeats are counted from the sandbox's records.
    if (!pageId || this.firstAt.has(pageId)) return;
    this.firstAt.set(pageId, at);
    this.order.push(pageId);
    const waiting = this.waiting;
    this.waiting = [];
    for (const wake of waiting) wake();
  };

  /** Distinct pages accepted so far; a mark to read later receipts from. */
  get count(): number {
    return this.order.length;
  }

  /** The `index`-th page accepted for the first time, from 0. */
  receipt(index: number): Receipt {
    const pageId = this.order[index];
    if (pageId === undefined) throw new Error(`no receipt ${index} yet (${this.order.length} so far)`);
    return { pageId, at: this.firstAt.get(pageId)! };
  }

  /** Page ids first accepted at or after `mark`. */
  pageIdsSince(mark: number): string[] {
    return this.order.slice(mark);
  }

  /** Resolves once `count` distinct pages have been accepted. */
  async waitForCount(count: number, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.order.length < count) {
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`expected ${count} pages accepted by the sandbox within ${timeoutMs / 1000} s, got ${this.order.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}
