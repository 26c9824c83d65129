import Link from "next/link";

const example = (url: string) => `receivers:
  - name: firebreak
    webhook_configs:
      - url: ${url}
        send_resolved: true
        http_config:
          authorization:
            type: Bearer
            credentials_file: /etc/alertmanager/firebreak-token
            # or: credentials: fbk_…

route:
  receiver: firebreak
  group_by: [alertname, service]`;

/** How to point Alertmanager at this instance. */
export function ReceiverConfig({ url }: { url: string }) {
  return (
    <div className="grid gap-3 text-sm" data-testid="alertmanager-receiver-config">
      <p className="text-slate-600">
        Create a token with the <code className="font-mono">alerts:write</code> scope under{" "}
        <Link className="underline" href="/settings/tokens">
          API tokens
        </Link>{" "}
        (or <code className="font-mono">npm run token -- create --name alertmanager --scope alerts:write</code>), then add this receiver to{" "}
        <code className="font-mono">alertmanager.yml</code>:
      </p>
      <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100">{example(url)}</pre>
      <p className="text-slate-600">
        Each alert is identified by its fingerprint and start time: Alertmanager resending a group, or both members of an HA pair sending the same alert,
        never opens a second incident. A malformed payload is refused with 400 (not retried); if the database cannot record the alerts the answer is 503
        and Alertmanager sends them again.
      </p>
    </div>
  );
}
