import type { PageRow } from "@/lib/paging/queries";
import { viaPhrase } from "@/lib/incidents/events";
import { channelLabel } from "@/lib/paging/labels";
import { PageStatusBadge } from "./page-status-badge";

interface PagedPerson {
  name: string;
  /** The latest incident page on each channel: what reached the person, or did not. */
  channels: PageRow[];
  acknowledged: PageRow | undefined;
}

/** Each person paged for the incident once, with where their pages stand; the newest page per channel speaks for it. */
function pagedPeople(pages: PageRow[]): PagedPerson[] {
  const people = new Map<string, PagedPerson>();
  for (const page of pages) {
    if (page.kind !== "incident") continue;
    const person = people.get(page.recipientName) ?? { name: page.recipientName, channels: [], acknowledged: undefined };
    people.set(page.recipientName, person);
    const index = person.channels.findIndex((other) => other.channel === page.channel);
    if (index === -1) person.channels.push(page);
    else if (page.queuedAt > person.channels[index]!.queuedAt) person.channels[index] = page;
    if (page.acknowledgedAt && (!person.acknowledged || page.acknowledgedAt < person.acknowledged.acknowledgedAt!)) person.acknowledged = page;
  }
  // Whoever acknowledged first, then everyone else as they were paged.
  return [...people.values()].sort((a, b) => Number(Boolean(b.acknowledged)) - Number(Boolean(a.acknowledged)));
}

/** Who was paged and how their pages fared, one line each: the short answer a phone has room for. */
export function PagedPeople({ pages }: { pages: PageRow[] }) {
  const people = pagedPeople(pages);
  if (people.length === 0) return null;
  return (
    <ul className="grid gap-2 text-sm" aria-label="People paged" data-testid="paged-people">
      {people.map((person) => (
        <li key={person.name} className="flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="paged-person">
          <span className="font-medium">{person.name}</span>
          {person.channels.map((page) => (
            <span key={page.channel} className="inline-flex items-center gap-1 text-slate-700">
              {channelLabel[page.channel]} <PageStatusBadge status={page.status} />
            </span>
          ))}
          {person.acknowledged && <span className="font-medium text-emerald-800">acknowledged {viaPhrase(person.acknowledged.acknowledgedVia)}</span>}
        </li>
      ))}
    </ul>
  );
}
