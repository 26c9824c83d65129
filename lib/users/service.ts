import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import type { Actor, SystemActor } from "@/lib/timeline/actor";
import { recordAudit } from "@/lib/timeline/audit";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { NewUser } from "./schemas";

export class UserConflict extends Error {}

const publicFields = { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true } as const;

export async function createUser(db: Db, input: NewUser, actor: Actor | SystemActor) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, passwordHash },
        select: publicFields,
      });
      await recordAudit(tx, {
        actor,
        action: "user.created",
        targetType: "user",
        targetId: user.id,
        data: { email: user.email, role: user.role },
      });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new UserConflict(`A user with the email ${input.email} already exists.`);
    }
    throw error;
  }
}

export class LastAdmin extends Error {}
export class UserNotFound extends Error {}

export async function changeUserRole(db: Db, userId: string, role: Role, actor: Actor | SystemActor) {
  return db.$transaction(
    async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: publicFields });
      if (!user) throw new UserNotFound("That user does not exist.");
      if (user.role === role) return user;
      if (user.role === "admin") {
        const admins = await tx.user.count({ where: { role: "admin", disabledAt: null } });
        if (admins <= 1) throw new LastAdmin("Firebreak needs at least one admin: promote someone else first.");
      }
      const updated = await tx.user.update({ where: { id: userId }, data: { role }, select: publicFields });
      await recordAudit(tx, {
        actor,
        action: "user.role_changed",
        targetType: "user",
        targetId: userId,
        data: { email: user.email, from: user.role, to: role },
      });
      return updated;
    },
    // Two admins demoting each other at once must not leave none.
    { isolationLevel: Prisma.TransactionIsolationLevel.Serializable },
  );
}

export function listUsers(db: Db) {
  return db.user.findMany({ select: publicFields, orderBy: [{ role: "desc" }, { email: "asc" }] });
}
