import { POST } from "@/app/api/webhooks/alertmanager/route";
import type { Db } from "@/lib/db/client";
import { createToken } from "@/lib/tokens/tokens";
import type { TokenScope } from "@/lib/tokens/scopes";

// Test helpers: a token as the CLI creates one, and a request to the route handler itself.

export async function tokenWith(db: Db, scope: TokenScope, name: string = scope): Promise<string> {
  return (await createToken(db, { name, scopes: [scope] }, { id: null, label: "test" })).token;
}

export function postAlerts(body: unknown, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  return POST(
    new Request("http://firebreak.test/api/webhooks/alertmanager", { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) }),
  );
}
