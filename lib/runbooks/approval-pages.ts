import type { Tx } from "@/lib/db/client";
import { publicUrl } from "@/lib/env";
import { createDirectPage } from "@/lib/paging/delivery/pages";
import { channelsFor, addressFor, recipientSelect } from "@/lib/paging/delivery/recipients";

/**
 * Pages the people who may approve a destructive run: every active commander and admin other than
 * the requester who is also a contact (matched by email), on the channels they accept. Paging is
 * per incident, so a run launched outside an incident is only shown on the runbooks page.
 */
export async function pageApprovers(
  tx: Tx,
  run: { id: string; incidentId: string | null; requestedById: string; title: string; requestedBy: string },
  at: Date,
): Promise<number> {
  if (!run.incidentId) return 0;
  const approvers = await tx.user.findMany({
    where: { role: { in: ["commander", "admin"] }, disabledAt: null, id: { not: run.requestedById } },
    select: { email: true },
  });
  const contacts = await tx.contact.findMany({ where: { email: { in: approvers.map((user) => user.email) } }, select: recipientSelect });
  const link = `${publicUrl()}/runbooks/runs/${run.id}`;
  let paged = 0;
  for (const contact of contacts) {
    for (const channel of channelsFor(contact)) {
      await createDirectPage(tx, {
        kind: "approval",
        incidentId: run.incidentId,
        contact,
        channel,
        recipient: addressFor(contact, channel)!,
        subject: `Approval needed: ${run.title}`,
        body: `Firebreak: ${run.requestedBy} asks to run "${run.title}" (destructive). Approve or reject: ${link}`,
        dedupeKey: `${run.id}:${contact.id}:${channel}`,
        at,
      });
      paged += 1;
    }
  }
  return paged;
}
