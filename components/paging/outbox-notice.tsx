import type { ProviderName } from "@/lib/paging/delivery/transports/index";

const providerOf = {
  sms: { label: "SMS", noun: "SMS", name: "Twilio", settings: "TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM" },
  email: { label: "Email", noun: "email", name: "SendGrid", settings: "SENDGRID_API_KEY and SENDGRID_FROM" },
};

/** Says plainly that this is not a real delivery, and which channels it stands in for. */
export function OutboxNotice({ providers }: { providers: Record<"sms" | "email", ProviderName> }) {
  const kept = (["sms", "email"] as const).filter((channel) => providers[channel] === "outbox");
  return (
    <div className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950" data-testid="outbox-notice" role="note">
      <p className="font-semibold">Development outbox — nothing here was delivered to anyone.</p>
      <p className="mt-1">
        {kept.length === 2
          ? "No SMS/email provider is configured: pages are kept here instead of being sent."
          : kept.length === 1
            ? `No ${providerOf[kept[0]!].noun} provider is configured: those pages are kept here instead of being sent.`
            : "Both providers are configured: new pages are sent for real, and only earlier outbox messages are listed here."}{" "}
        Reply to an SMS or open an email&rsquo;s acknowledge link here to play the paged person.
      </p>
      <ul className="mt-2 grid gap-1">
        {(["sms", "email"] as const).map((channel) => (
          <li key={channel} data-testid={`outbox-mode-${channel}`} data-provider={providers[channel]}>
            <span className="font-medium">{providerOf[channel].label}:</span>{" "}
            {providers[channel] === "outbox"
              ? `kept in this outbox (set ${providerOf[channel].settings} to send through ${providerOf[channel].name})`
              : `sent through ${providerOf[channel].name}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
