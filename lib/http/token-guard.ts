import { db } from "@/lib/db/client";
import { authenticateToken, type TokenScope } from "@/lib/tokens/authenticate";
import type { Guard } from "./route";

/** Automation presenting `Authorization: Bearer <token>` for a live API token that holds `scope`. */
export function apiToken(scope: TokenScope): Guard<{ id: string; name: string }> {
  return async ({ request }) => {
    const authentication = await authenticateToken(db, request, scope);
    return authentication.ok ? { caller: authentication.token } : { refusal: authentication.response };
  };
}
