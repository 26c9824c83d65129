import "server-only";
import type { Role } from "@/lib/auth/roles";
import { AuthorizationError, requireRole, type SessionUser } from "@/lib/auth/session";
import { errorResponse } from "./errors";
import type { Guard } from "./route";

/** A signed-in person holding at least `role`: 401 without a session, 403 below the role or with an unknown one. */
export function session(role: Role): Guard<SessionUser> {
  return async () => {
    try {
      return { caller: await requireRole(role) };
    } catch (error) {
      if (!(error instanceof AuthorizationError)) throw error;
      return { refusal: errorResponse(error.reason === "unauthenticated" ? 401 : 403, error.message) };
    }
  };
}
