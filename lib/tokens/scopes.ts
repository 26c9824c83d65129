// What a token may do. Client-safe: the token form lists these as checkboxes.
export const TOKEN_SCOPES = ["backups:write", "alerts:write", "metrics:read"] as const;

export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const SCOPE_DESCRIPTIONS: Record<TokenScope, string> = {
  "backups:write": "Backup scripts report finished backups (POST /api/backups)",
  "alerts:write": "Alertmanager sends alerts (POST /api/webhooks/alertmanager)",
  "metrics:read": "Prometheus scrapes the metrics (GET /api/metrics)",
};

export function isTokenScope(value: unknown): value is TokenScope {
  return typeof value === "string" && (TOKEN_SCOPES as readonly string[]).includes(value);
}
