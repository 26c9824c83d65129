import type { Metadata } from "next";
import { OutboxList } from "@/components/paging/outbox-list";
import { OutboxNotice } from "@/components/paging/outbox-notice";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { currentUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { listOutboxPages } from "@/lib/paging/queries";
import { providerFor } from "@/lib/paging/delivery/transports/index";

export const metadata: Metadata = { title: "Dev outbox" };

export default async function OutboxPage() {
  const user = await currentUser();
  // Its pages carry live acknowledge links, which viewers may not use.
  if (!hasRole(user?.role, "responder")) return <EmptyState title="Only responders and up see the dev outbox." />;
  const providers = { sms: providerFor("sms"), email: providerFor("email") };
  const messages = await listOutboxPages(db);
  return (
    <>
      <PageHeader title="Dev outbox" description="Where pages go when no SMS or email provider is configured, newest first." />
      <OutboxNotice providers={providers} />
      {messages.length === 0 ? (
        <EmptyState title="The outbox is empty.">Declare an incident and the pages it sends will appear here.</EmptyState>
      ) : (
        <OutboxList messages={messages} canReply={providers.sms === "outbox"} />
      )}
    </>
  );
}
