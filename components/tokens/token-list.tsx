import type { TokenSummary } from "@/lib/tokens/tokens";
import { Timestamp } from "@/components/ui/timestamp";
import { RevokeTokenButton } from "./revoke-token-button";

const when = (date: Date | null, otherwise: string) => (date ? <Timestamp iso={date.toISOString()} /> : otherwise);

export function TokenList({ tokens }: { tokens: TokenSummary[] }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="API tokens">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-2 pr-3 font-medium">Name</th>
            <th className="py-2 pr-3 font-medium">Token</th>
            <th className="py-2 pr-3 font-medium">Scopes</th>
            <th className="py-2 pr-3 font-medium">Created</th>
            <th className="py-2 pr-3 font-medium">Last used</th>
            <th className="py-2 font-medium">
              <span className="sr-only">State</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tokens.map((token) => (
            <tr key={token.id} data-testid="token-row" className={`align-top ${token.revokedAt ? "text-slate-500" : ""}`}>
              <td className="py-2 pr-3 font-medium">{token.name}</td>
              <td className="py-2 pr-3 font-mono text-xs">{token.prefix}…</td>
              <td className="py-2 pr-3">
                <ul className="flex flex-wrap gap-1">
                  {token.scopes.map((scope) => (
                    <li key={scope} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
                      {scope}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="py-2 pr-3">
                {when(token.createdAt, "")}
                <p className="text-xs text-slate-600">by {token.createdBy ?? "the command line"}</p>
              </td>
              <td className="py-2 pr-3">{when(token.lastUsedAt, "Never")}</td>
              <td className="py-2">
                {token.revokedAt ? <span>Revoked {when(token.revokedAt, "")}</span> : <RevokeTokenButton id={token.id} name={token.name} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
