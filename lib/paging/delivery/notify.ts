import type { Tx } from "@/lib/db/client";
import { createPages } from "./pages";
import { recipientSelect } from "./recipients";
import type { Channel } from "@/lib/paging/delivery/transports/types";

/**
 * Status updates and the resolution go to the people already engaged: everyone paged for the
 * incident, on each channel that reached (or may still reach) them.
 */
export async function notifyEngaged(
  tx: Tx,
  incident: { id: string; number: number },
  notification: { kind: "update" | "resolution"; eventId: string; update?: { progress: string; nextSteps: string; eta: string }; at: Date },
): Promise<number> {
  const engaged = await tx.page.findMany({
    where: { incidentId: incident.id, kind: "incident", contactId: { not: null }, status: { notIn: ["cancelled", "failed"] } },
    select: { channel: true, contact: { select: recipientSelect } },
    distinct: ["contactId", "channel"],
  });
  let created = 0;
  for (const channel of ["sms", "email"] as const satisfies Channel[]) {
    const recipients = engaged.filter((page) => page.channel === channel && page.contact).map((page) => page.contact!);
    const pages = await createPages(tx, {
      incident,
      kind: notification.kind,
      recipients,
      channels: [channel],
      scope: `e${notification.eventId}`,
      update: notification.update,
      at: notification.at,
    });
    created += pages.length;
  }
  return created;
}
