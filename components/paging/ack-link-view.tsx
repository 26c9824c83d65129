import type { LinkState } from "@/lib/paging/acknowledgement/link-ack";
import { Timestamp } from "@/components/ui/timestamp";
import { AckLinkForm } from "./ack-link-form";

const elsewhere = "You can still acknowledge by replying ACK to the SMS, or with the Acknowledge button in Firebreak.";

/** The acknowledge link's page, sized for a phone: what the page is about, and one large button. */
export function AckLinkView({ link, token }: { link: LinkState; token: string }) {
  return (
    <main className="flex min-h-screen items-start justify-center px-4 py-8 sm:items-center">
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-testid="ack-link" data-state={link.state}>
        <p className="mb-4 flex items-center gap-2 text-sm font-semibold text-slate-600">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/icon.svg" alt="" width={20} height={20} />
          Firebreak
        </p>
        <LinkBody link={link} token={token} />
      </div>
    </main>
  );
}

function LinkBody({ link, token }: { link: LinkState; token: string }) {
  switch (link.state) {
    case "invalid":
      return (
        <Message title="This link is not valid">
          It may have been cut short when it was copied. {elsewhere}
        </Message>
      );
    case "expired":
      return (
        <Message title="This link has expired">
          It expired at <Timestamp iso={link.expiresAt.toISOString()} />. {elsewhere}
        </Message>
      );
    case "used":
      return (
        <Message title="This link was already used">
          {link.reference} ({link.title}) was acknowledged with it at <Timestamp iso={link.usedAt.toISOString()} />. Each link works once.
        </Message>
      );
    case "ready":
      return (
        <div className="grid gap-4">
          <div>
            <p className="text-sm text-slate-600">
              {link.reference} · {link.severity} · {link.incidentStatus}
            </p>
            <h1 className="mt-1 text-xl font-semibold" data-testid="ack-link-title">
              {link.title}
            </h1>
            <p className="mt-2 text-sm text-slate-700">
              Page for <span className="font-medium">{link.recipientName}</span>. This link works once and expires at <Timestamp iso={link.expiresAt.toISOString()} />.
            </p>
          </div>
          <AckLinkForm token={token} reference={link.reference} />
        </div>
      );
  }
}

function Message({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="mt-2 text-sm text-slate-700">{children}</p>
    </>
  );
}
