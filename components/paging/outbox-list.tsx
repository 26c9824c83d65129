import Link from "next/link";
import type { OutboxMessage } from "@/lib/paging/queries";
import { channelLabel, pageKindLabel } from "@/lib/paging/labels";
import { Timestamp } from "@/components/ui/timestamp";
import { LinkifiedText } from "./linkified-text";
import { OutboxReply } from "./outbox-reply";
import { PageStatusBadge } from "./page-status-badge";

/** The outbox's messages, newest first; SMS pages can be answered when `canReply`. */
export function OutboxList({ messages, canReply }: { messages: OutboxMessage[]; canReply: boolean }) {
  return (
    <ol className="grid gap-4" aria-label="Outbox messages, newest first" data-testid="outbox-messages">
      {messages.map((message) => (
        <li
          key={message.id}
          className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm"
          data-testid="outbox-message"
          data-channel={message.channel}
          data-kind={message.kind}
          data-incident={message.incident.reference}
          data-recipient={message.recipient}
        >
          <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
            <p className="min-w-0 [overflow-wrap:anywhere]">
              <span className="rounded bg-slate-800 px-1.5 py-0.5 text-xs font-semibold text-slate-50">{channelLabel[message.channel]}</span>{" "}
              <span className="font-medium">{message.recipientName}</span> <span className="text-slate-600">&lt;{message.recipient}&gt;</span>{" "}
              <span className="text-slate-500">· {pageKindLabel[message.kind]} ·</span>{" "}
              <Link className="underline" href={`/incidents/${message.incident.id}`}>
                {message.incident.reference}
              </Link>{" "}
              <span className="text-slate-600">{message.incident.title}</span>
            </p>
            <p className="flex items-center gap-2 text-xs text-slate-600">
              <PageStatusBadge status={message.status} />
              <Timestamp iso={message.sentAt ?? message.queuedAt} />
            </p>
          </div>
          {message.subject && (
            <p className="mt-2 font-semibold" data-testid="outbox-subject">
              {message.subject}
            </p>
          )}
          <LinkifiedText text={message.body} className="mt-2 rounded bg-slate-50 p-3 font-mono text-xs text-slate-800" />
          {message.acknowledgedAt && <p className="mt-2 text-xs text-emerald-800">Acknowledged at <Timestamp iso={message.acknowledgedAt} /></p>}
          {canReply && message.channel === "sms" && message.kind === "incident" && <OutboxReply pageId={message.id} ackCode={String(message.incident.number)} />}
        </li>
      ))}
    </ol>
  );
}
