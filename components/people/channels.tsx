export interface Reachable {
  phone: string | null;
  acceptsSms: boolean;
  acceptsEmail: boolean;
}

/** How a person can be paged: "SMS · Email", or a warning when nothing reaches them. */
export function Channels({ contact }: { contact: Reachable }) {
  const channels = [contact.acceptsSms && contact.phone && "SMS", contact.acceptsEmail && "Email"].filter(Boolean);
  return (
    <span
      className={`rounded px-1.5 py-0.5 text-xs font-medium ${channels.length > 0 ? "bg-slate-100 text-slate-700" : "bg-red-100 text-red-800"}`}
      data-testid="channels"
    >
      {channels.length > 0 ? channels.join(" · ") : "not reachable"}
    </span>
  );
}
