import type { Metadata } from "next";
import { TokenForm } from "@/components/tokens/token-form";
import { TokenList } from "@/components/tokens/token-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { currentUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { listTokens } from "@/lib/tokens/tokens";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const user = await currentUser();
  // Checked before anything is read: for anyone else the tokens are not even queried.
  if (!hasRole(user?.role, "admin")) {
    return (
      <>
        <PageHeader title="API tokens" />
        <EmptyState title="Only admins manage API tokens." />
      </>
    );
  }
  const tokens = await listTokens(db);
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Bearer tokens for automation: backup scripts reporting backups, Alertmanager sending alerts, Prometheus scraping metrics. Each is shown once when created; Firebreak stores only its hash."
      />
      <div className="grid gap-6 xl:grid-cols-[2fr_1fr]">
        <Panel title={`${tokens.length} ${tokens.length === 1 ? "token" : "tokens"}`}>
          {tokens.length === 0 ? (
            <p className="text-sm text-slate-600">No tokens yet. Create one here, or from a shell with npm run token -- create.</p>
          ) : (
            <TokenList tokens={tokens} />
          )}
        </Panel>
        <Panel title="Create a token">
          <TokenForm />
        </Panel>
      </div>
    </>
  );
}
