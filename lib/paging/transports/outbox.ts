import type { Transport } from "./types";

/** Development without a provider: the page row itself is the outbox record, so sending only has to succeed. */
export function createOutboxTransport(): Transport {
  return {
    name: "outbox",
    async send(message) {
      return { ok: true, providerId: `outbox-${message.pageId}` };
    },
  };
}
