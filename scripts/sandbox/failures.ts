import type { SandboxProvider } from "./records";

export type InjectedStatus = 429 | 500 | 503;

export interface FailureRule {
  provider: SandboxProvider;
  status: InjectedStatus;
  /** How many of the next matching requests fail. */
  count: number;
  /** Only requests to this recipient (phone number or email address). */
  to?: string;
  /** Sent as Retry-After with a 429. */
  retryAfterSeconds: number;
}

/** Errors the sandbox was told to answer with instead of accepting a message. */
export class FailurePlan {
  private rules: FailureRule[] = [];

  add(rule: FailureRule): void {
    this.rules.push({ ...rule });
  }

  /** The rule that applies to this request, counted as used. */
  take(provider: SandboxProvider, to: string | null): FailureRule | undefined {
    const rule = this.rules.find((candidate) => candidate.provider === provider && (candidate.to === undefined || candidate.to === to));
    if (!rule) return undefined;
    rule.count -= 1;
    if (rule.count <= 0) this.rules = this.rules.filter((candidate) => candidate !== rule);
    return rule;
  }

  clear(): void {
    this.rules = [];
  }
}
