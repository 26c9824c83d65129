import type { FailurePlan } from "./failures";
import type { MessageLog, SandboxMessage } from "./records";
import type { SigningKey } from "./sendgrid-callbacks";
import type { SandboxSettings } from "./settings";

/** Everything a running sandbox holds; handlers receive it rather than reaching for module state. */
export interface SandboxState {
  settings: SandboxSettings;
  messages: MessageLog;
  failures: FailurePlan;
  signingKey: SigningKey;
  /** Aborted when the sandbox stops: pending automatic callbacks and deliveries end with it. */
  closing: AbortSignal;
  /** The sandbox's own base URL. */
  url: string;
  onAccepted(message: SandboxMessage): void;
}
