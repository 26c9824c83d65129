import { poolOf, type Db } from "@/lib/db/client";
import { hashToken } from "./secret";
import type { TokenScope } from "./scopes";

export type { TokenScope } from "./scopes";

export type TokenAuthentication = { ok: true; token: { id: string; name: string } } | { ok: false; response: Response };

const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * How long a token read from the database answers for it in this process. Every post of an alert
 * storm presents the same token, and its read was a third of a post's database round trips; a
 * revocation reaches the other processes within this time (at once in the one that revoked).
 */
const TOKEN_CACHE_MS = 1_000;
const TOKEN_CACHE_ENTRIES = 1_000;

interface TokenRow {
  id: string;
  name: string;
  scopes: string[];
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

const recentlyRead = new Map<string, { row: TokenRow; readAt: number }>();

/** Drops what this process remembers of tokens: a revocation here takes effect at once. */
export function forgetTokens(): void {
  recentlyRead.clear();
}

async function readToken(db: Db, hash: string): Promise<TokenRow | undefined> {
  const now = Date.now();
  const cached = recentlyRead.get(hash);
  if (cached && now - cached.readAt < TOKEN_CACHE_MS) return cached.row;
  // Looked up by its hash: the token itself is never stored, so there is nothing to compare in time.
  // Straight to the pool (lib/db/client.ts), as the storm's other hot read.
  const { rows } = await poolOf(db).query<TokenRow>({
    // Named, so each connection parses and plans it once.
    name: "firebreak.token-by-hash",
    text: `SELECT id, name, scopes, "revokedAt" AT TIME ZONE 'UTC' AS "revokedAt", "lastUsedAt" AT TIME ZONE 'UTC' AS "lastUsedAt" FROM "ApiToken" WHERE hash = $1`,
    values: [hash],
  });
  const row = rows[0];
  // Only tokens that exist are remembered: made-up ones cannot fill the map.
  if (row) {
    if (recentlyRead.size >= TOKEN_CACHE_ENTRIES) recentlyRead.clear();
    recentlyRead.set(hash, { row, readAt: now });
  }
  return row;
}

// The contract's plain challenge for a missing or dead token; a scope refusal names the scope (RFC 6750).
function refuse(status: 401 | 403, error: string, challenge = "Bearer"): { ok: false; response: Response } {
  return {
    ok: false,
    response: Response.json({ error }, { status, headers: { "www-authenticate": challenge, "cache-control": "no-store" } }),
  };
}

/**
 * The gate of every endpoint called by automation: `Authorization: Bearer <token>` naming a live
 * token that holds `scope`. 401 without a usable token, 403 when it lacks the scope.
 */
export async function authenticateToken(db: Db, request: Request, scope: TokenScope): Promise<TokenAuthentication> {
  const header = request.headers.get("authorization");
  if (!header) return refuse(401, "Missing token: send Authorization: Bearer <token>.");
  const presented = /^Bearer +(\S+) *$/i.exec(header)?.[1];
  if (!presented) return refuse(401, "Authorization must be Bearer <token>.");

  const token = await readToken(db, hashToken(presented));
  if (!token) return refuse(401, "Unknown token.");
  if (token.revokedAt) return refuse(401, "This token has been revoked.");
  if (!token.scopes.includes(scope)) {
    return refuse(403, `This token lacks the ${scope} scope.`, `Bearer error="insufficient_scope", scope="${scope}"`);
  }

  // At most one write a minute per token, however busy the caller: a fresh lastUsedAt costs no
  // statement at all, and the condition makes concurrent writers after the first no-ops.
  const now = new Date();
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!token.lastUsedAt || token.lastUsedAt < staleBefore) {
    await db.apiToken.updateMany({
      where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
      data: { lastUsedAt: now },
    });
    token.lastUsedAt = now;
  }
  return { ok: true, token: { id: token.id, name: token.name } };
}
