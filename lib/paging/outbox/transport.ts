import type { Transport } from "@/lib/paging/delivery/transports/types";

/** Outbox pages' provider id: this prefix and the page id. */
export const OUTBOX_PROVIDER_PREFIX = "outbox-";

/** Development without a provider: the page row itself is the outbox record, so sending only has to succeed. */
export function createOutboxTransport(): Transport {
  return {
    name: "outbox",
    async send(message) {
      return { ok: true, providerId: `${OUTBOX_PROVIDER_PREFIX}${message.pageId}` };
    },
  };
}
