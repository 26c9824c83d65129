import { randomBytes } from "node:crypto";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import type { Role } from "@/lib/auth/roles";
import type { Actor, SystemActor } from "@/lib/timeline/actor";
import { recordAudit } from "@/lib/timeline/audit";
import type { Db, Tx } from "@/lib/db/client";
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

/** Before an active admin stops being one (demoted or disabled): another must remain. Callers run serializable. */
async function keepAnotherAdmin(tx: Tx): Promise<void> {
  const admins = await tx.user.count({ where: { role: "admin", disabledAt: null } });
  if (admins <= 1) throw new LastAdmin("Firebreak needs at least one admin: promote someone else first.");
}

export async function changeUserRole(db: Db, userId: string, role: Role, actor: Actor | SystemActor) {
  return db.$transaction(
    async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: publicFields });
      if (!user) throw new UserNotFound("That user does not exist.");
      if (user.role === role) return user;
      if (user.role === "admin") await keepAnotherAdmin(tx);
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

export class OwnAccount extends Error {}

/** A person who may not sign in any more (or again): every session ends at once. The last admin stays. */
export async function setUserDisabled(db: Db, userId: string, disabled: boolean, actor: Actor | SystemActor) {
  return db.$transaction(
    async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: publicFields });
      if (!user) throw new UserNotFound("That user does not exist.");
      if (disabled && actor.id === userId) throw new OwnAccount("You cannot disable your own account: ask another admin.");
      if ((user.disabledAt !== null) === disabled) return user;
      if (disabled && user.role === "admin") await keepAnotherAdmin(tx);
      const updated = await tx.user.update({
        where: { id: userId },
        data: { disabledAt: disabled ? new Date() : null, sessionVersion: { increment: 1 } },
        select: publicFields,
      });
      await recordAudit(tx, { actor, action: disabled ? "user.disabled" : "user.enabled", targetType: "user", targetId: userId, data: { email: user.email } });
      return updated;
    },
    // Two admins disabling each other at once must not leave none.
    { isolationLevel: Prisma.TransactionIsolationLevel.Serializable },
  );
}

/** A new password, generated: 16 characters from 96 random bits. */
export const generatePassword = () => randomBytes(12).toString("base64url");

/** An admin resets a person's password: a generated one, shown once to the admin; the person's sessions end. */
export async function resetUserPassword(db: Db, userId: string, actor: Actor | SystemActor): Promise<{ email: string; password: string }> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) throw new UserNotFound("That user does not exist.");
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actor, action: "user.password_reset", targetType: "user", targetId: userId, data: { email: user.email } });
    return { email: user.email, password };
  });
}

export class WrongPassword extends Error {}
export class WeakPassword extends Error {}

/**
 * A person changes their own password: the current one proves it is them, the new one must pass
 * the policy (lib/auth/password-policy.ts). Every session of theirs ends, this one too.
 */
export async function changeOwnPassword(db: Db, actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { email: true, name: true, passwordHash: true } });
  if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) throw new WrongPassword("Your current password is not right.");
  const policy = newPasswordSchema([user.email, ...user.email.split(/[@.]/), ...user.name.split(/\s+/)]).safeParse(newPassword);
  if (!policy.success) throw new WeakPassword(policy.error.issues[0]!.message);
  if (newPassword === currentPassword) throw new WeakPassword("Choose a password other than your current one");
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actor, action: "user.password_changed", targetType: "user", targetId: actor.id, data: { email: user.email } });
  });
}

/** The zone a person reads times in, on their own account only; null: their browser's. */
export async function setOwnTimeZone(db: Db, user: { id: string }, timeZone: string | null): Promise<void> {
  await db.user.update({ where: { id: user.id }, data: { timeZone } });
}
