export const ROLES = ["viewer", "responder", "commander", "admin"] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** True when `actual` is at least `required`. Anything that is not a known role is refused. */
export function hasRole(actual: unknown, required: Role): boolean {
  if (!isRole(actual)) return false;
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}

/** "a commander", "an admin": a role as the object of a sentence. */
export const aRole = (role: Role) => `${role === "admin" ? "an" : "a"} ${role}`;
