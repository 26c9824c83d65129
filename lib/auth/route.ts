import "server-only";
import type { Role } from "./roles";
import { AuthorizationError, requireRole, type SessionUser } from "./session";

type Handler<C> = (request: Request, context: C & { user: SessionUser }) => Promise<Response>;

/** Wraps a route handler: 401 without a session, 403 below the role, deny by default. */
export function withRole<C extends object>(role: Role, handler: Handler<C>) {
  return async (request: Request, context: C): Promise<Response> => {
    let user: SessionUser;
    try {
      user = await requireRole(role);
    } catch (error) {
      if (!(error instanceof AuthorizationError)) throw error;
      const status = error.reason === "unauthenticated" ? 401 : 403;
      return Response.json({ error: error.message }, { status, headers: { "cache-control": "no-store" } });
    }
    return handler(request, { ...context, user });
  };
}
