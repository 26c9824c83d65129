import type { SandboxProvider } from "./records";
import type { SandboxState } from "./state";

/** What one provider did with the requests since the last clear. */
export interface ProviderStats {
  /** Requests answered with a message id. */
  accepted: number;
  /** Requests answered with an error, by HTTP status: injected failures, bad credentials, invalid recipients. */
  refused: Record<string, number>;
  /** Requests a hang window held and never answered; they are not among the recorded messages. */
  hung: number;
}

export type SandboxStats = Record<SandboxProvider, ProviderStats>;

export function sandboxStats(state: SandboxState): SandboxStats {
  const tally = (provider: SandboxProvider): ProviderStats => {
    const stats: ProviderStats = { accepted: 0, refused: {}, hung: state.failures.hung(provider) };
    for (const message of state.messages.list({ provider })) {
      if (message.providerId !== null) stats.accepted += 1;
      else stats.refused[message.status] = (stats.refused[message.status] ?? 0) + 1;
    }
    return stats;
  };
  return { twilio: tally("twilio"), sendgrid: tally("sendgrid") };
}
