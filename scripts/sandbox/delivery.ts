import type { SandboxState } from "./state";

/** A callback ready to post: signed, so a retry sends exactly the same request, as providers do. */
export interface SignedRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What Firebreak answered to one callback. */
export interface Delivery {
  url: string;
  status: number;
  body: string;
}

const DELIVERY_TIMEOUT_MS = 10_000;

export async function post(state: SandboxState, request: SignedRequest): Promise<Delivery> {
  const signal = AbortSignal.any([state.closing, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]);
  try {
    const response = await fetch(request.url, { method: "POST", headers: request.headers, body: request.body, signal, redirect: "manual" });
    return { url: request.url, status: response.status, body: await response.text() };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new Error(`could not reach ${request.url}: ${cause}`, { cause: error });
  }
}

/** `twice` posts the identical request again, the way providers redeliver. */
export async function deliver(state: SandboxState, request: SignedRequest, twice = false): Promise<Delivery[]> {
  const first = await post(state, request);
  return twice ? [first, await post(state, request)] : [first];
}

export function targetUrl(state: SandboxState, pathAndQuery: string): string {
  return `${state.settings.target.replace(/\/$/, "")}${pathAndQuery}`;
}
