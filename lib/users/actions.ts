"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { DomainError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { changeRoleSchema, newUserSchema } from "./schemas";
import { changeUserRole, createUser, LastAdmin, UserConflict, UserNotFound } from "./service";

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
