import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { auth } from "./index";
import { hasRole, type Role } from "./roles";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The IANA zone the person reads times in; null: the browser's own. */
  timeZone: string | null;
}

export class AuthorizationError extends Error {
  constructor(readonly reason: "unauthenticated" | "forbidden") {
    super(reason === "unauthenticated" ? "You are not signed in." : "You do not have permission to do that.");
    this.name = "AuthorizationError";
  }
}

// The account is read from the database on every request, so a changed role takes effect at once,
// and a session signed in before the account was disabled, enabled or given a new password (its
// sessionVersion raised) is over, whatever the session cookie says.
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, timeZone: true, disabledAt: true, sessionVersion: true },
  });
  if (!user || user.disabledAt || user.sessionVersion !== (session.sessionVersion ?? 0)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, timeZone: user.timeZone };
});

/** The one gate for every server action, route handler and page: deny unless the role suffices. */
export async function requireRole(required: Role): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AuthorizationError("unauthenticated");
  if (!hasRole(user.role, required)) throw new AuthorizationError("forbidden");
  return user;
}
