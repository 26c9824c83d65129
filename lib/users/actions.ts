"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { DomainError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { signOut } from "@/lib/auth";
import { changeOwnPasswordSchema, changeRoleSchema, newUserSchema, timeZoneSchema, userIdSchema } from "./schemas";
import {
  changeOwnPassword,
  changeUserRole,
  createUser,
  LastAdmin,
  OwnAccount,
  resetUserPassword,
  setOwnTimeZone,
  setUserDisabled,
  UserConflict,
  UserNotFound,
  WeakPassword,
  WrongPassword,
} from "./service";

/** The refusals a person can act on, as the form's message; anything else is a fault. */
function refused(error: unknown): never {
  if (error instanceof LastAdmin || error instanceof UserNotFound || error instanceof OwnAccount) throw new DomainError(error.message);
  throw error;
}

export const createUserAction = defineAction({
  name: "users.create",
  role: "admin",
  input: newUserSchema,
  async run(input, { user }) {
    try {
      const created = await createUser(db, input, user);
      revalidatePath("/settings/users");
      return { id: created.id, email: created.email };
    } catch (error) {
      if (error instanceof UserConflict) throw new DomainError(error.message, { email: [error.message] });
      throw error;
    }
  },
  message: (created) => `Created ${created.email}.`,
});

export const changeUserRoleAction = defineAction({
  name: "users.change-role",
  role: "admin",
  input: changeRoleSchema,
  async run(input, { user }) {
    try {
      const updated = await changeUserRole(db, input.userId, input.role, user);
      revalidatePath("/settings/users");
      return { email: updated.email, role: updated.role };
    } catch (error) {
      if (error instanceof LastAdmin || error instanceof UserNotFound) throw new DomainError(error.message);
      throw error;
    }
  },
  message: (updated) => `${updated.email} is now ${updated.role}.`,
});

function accessAction(disabled: boolean) {
  return defineAction({
    name: disabled ? "users.disable" : "users.enable",
    role: "admin",
    input: userIdSchema,
    async run(input, { user }) {
      const updated = await setUserDisabled(db, input.userId, disabled, user).catch(refused);
      revalidatePath("/settings/users");
      return { email: updated.email, disabled: updated.disabledAt !== null };
    },
    message: (updated) => (updated.disabled ? `${updated.email} is disabled; their sessions have ended.` : `${updated.email} can sign in again.`),
  });
}

export const disableUserAction = accessAction(true);
export const enableUserAction = accessAction(false);

export const resetUserPasswordAction = defineAction({
  name: "users.reset-password",
  role: "admin",
  input: userIdSchema,
  async run(input, { user }) {
    return resetUserPassword(db, input.userId, user).catch(refused);
  },
  message: (reset) => `New password for ${reset.email}, shown only now: ${reset.password} . Their sessions have ended.`,
});

export const changeOwnPasswordAction = defineAction({
  name: "account.change-password",
  role: "viewer",
  input: changeOwnPasswordSchema,
  async run(input, { user }) {
    try {
      await changeOwnPassword(db, user, input.currentPassword, input.newPassword);
    } catch (error) {
      if (error instanceof WrongPassword) throw new DomainError(error.message, { currentPassword: [error.message] });
      if (error instanceof WeakPassword) throw new DomainError(error.message, { newPassword: [error.message] });
      throw error;
    }
    // Every session of this person has ended, this one too: sign in again with the new password.
    await signOut({ redirectTo: "/signin?changed=password" });
  },
});

export const setTimeZoneAction = defineAction({
  name: "account.set-time-zone",
  role: "viewer",
  input: timeZoneSchema,
  async run(input, { user }) {
    await setOwnTimeZone(db, user, input.timeZone);
    revalidatePath("/", "layout");
  },
  message: () => "Saved: times are shown in this zone from now on.",
});
