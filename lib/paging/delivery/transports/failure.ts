import type { SendResult } from "./types";

/** Rate limits, provider outages and network trouble are worth another try; anything else the provider refused for good. */
export function providerFailure(reason: string, httpStatus?: number): SendResult {
  const retryable = httpStatus === undefined || httpStatus === 429 || httpStatus >= 500;
  return httpStatus === undefined ? { ok: false, retryable, reason } : { ok: false, retryable, reason, httpStatus };
}

/** A request that never got an HTTP answer: refused connection, DNS failure, timeout. */
export function networkFailure(provider: string, error: unknown): SendResult {
  const detail = error instanceof Error ? error.message : String(error);
  return providerFailure(`${provider} unreachable: ${detail}`);
}

/** Providers can hang; the job queue retries, so a send gives up after this long. */
export const PROVIDER_TIMEOUT_MS = 10_000;
