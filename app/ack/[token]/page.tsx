import type { Metadata } from "next";
import { AckLinkView } from "@/components/paging/ack-link-view";
import { db } from "@/lib/db/client";
import { ackLinkTokenSchema } from "@/lib/paging/acknowledgement/link-input";
import { describePageLink } from "@/lib/paging/acknowledgement/link-ack";

// Public: the email's acknowledge link, opened on a phone that may never have signed in (proxy.ts
// lets /ack/ through). Showing it changes nothing, since mail scanners open links; only the button does.
export const metadata: Metadata = {
  title: "Acknowledge a page",
  robots: { index: false, follow: false },
  // The token is in the address; no other site should see it.
  referrer: "no-referrer",
};

export default async function AckLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const token = ackLinkTokenSchema.safeParse((await params).token);
  const link = token.success ? await describePageLink(db, token.data) : ({ state: "invalid" } as const);
  return <AckLinkView link={link} token={token.success ? token.data : ""} />;
}
