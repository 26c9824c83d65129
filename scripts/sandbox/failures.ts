import type { Socket } from "node:net";
import type { FailureOrder } from "./operations";
import type { SandboxProvider } from "./records";

export type InjectedStatus = 429 | 500 | 503;

interface FailureRule {
  /** Undefined: both providers. */
  provider?: SandboxProvider;
  /** Only requests to this recipient (phone number or email address). */
  to?: string;
  failure: { status: InjectedStatus; retryAfterSeconds: number } | "hang";
  /** Requests left to fail; a window has no limit while it lasts. */
  remaining: number;
  /** A window's end: it removes the rule and drops the connections it holds. */
  timer?: NodeJS.Timeout;
  /** Connections a hang window accepted and never answered. */
  held: Set<Socket>;
}

/** Errors and hangs the sandbox was told to answer with instead of processing a message. */
export class FailurePlan {
  /** Newest first: where windows overlap the latest instruction wins, so a driver can move an outage to its next phase at once. */
  private windows: FailureRule[] = [];
  private counted: FailureRule[] = [];
  private hangs: Record<SandboxProvider, number> = { twilio: 0, sendgrid: 0 };

  add(order: FailureOrder): void {
    const rule: FailureRule = {
      provider: order.provider,
      to: order.to,
      failure: order.mode === "hang" ? "hang" : { status: order.status, retryAfterSeconds: order.retryAfterSeconds },
      remaining: order.forSeconds === undefined ? (order.count ?? 1) : Infinity,
      held: new Set(),
    };
    if (order.forSeconds === undefined) {
      this.counted.push(rule);
      return;
    }
    rule.timer = setTimeout(() => this.end(rule), order.forSeconds * 1000);
    this.windows.unshift(rule);
  }

  /**
   * Applies the first rule that matches this request, counted as used: `refuse` answers it with the status, or a hang holds
   * its connection unanswered until the window ends. Windows come before counted failures, which wait for the requests after
   * an outage. False when no rule applies and the request should be processed.
   */
  intercept(
    provider: SandboxProvider,
    to: string | null,
    connection: Socket,
    refuse: (status: InjectedStatus, headers: Record<string, string>) => void,
  ): boolean {
    const rule = [...this.windows, ...this.counted].find(
      (candidate) => (candidate.provider === undefined || candidate.provider === provider) && (candidate.to === undefined || candidate.to === to),
    );
    if (!rule) return false;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.counted = this.counted.filter((candidate) => candidate !== rule);
    if (rule.failure === "hang") {
      this.hangs[provider] += 1;
      rule.held.add(connection);
      connection.once("close", () => rule.held.delete(connection));
    } else {
      refuse(rule.failure.status, rule.failure.status === 429 ? { "Retry-After": String(rule.failure.retryAfterSeconds) } : {});
    }
    return true;
  }

  /** Requests held unanswered since the last clear. */
  hung(provider: SandboxProvider): number {
    return this.hangs[provider];
  }

  /** Forgets pending failures and ends every window, dropping the connections hang windows hold. */
  clear(): void {
    for (const window of this.windows) this.end(window);
    this.counted = [];
    this.hangs = { twilio: 0, sendgrid: 0 };
  }

  /** Clients see the connection reset, as when a provider's load balancer gives up. */
  private end(window: FailureRule): void {
    clearTimeout(window.timer);
    for (const connection of window.held) connection.destroy();
    this.windows = this.windows.filter((candidate) => candidate !== window);
  }
}
