import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { MAX_PASSWORD_LENGTH, newPasswordSchema } from "@/lib/auth/password-policy";

export const roleSchema = z.enum(ROLES, "must be one of viewer, responder, commander, admin");

export const newUserSchema = z.object({
  email: z.email("Enter a valid email address").max(254, "Use at most 254 characters").transform((value) => value.toLowerCase()),
  name: z.string().trim().min(1, "Enter a name").max(120, "Use at most 120 characters"),
  role: roleSchema,
  password: newPasswordSchema(),
});

export const userIdSchema = z.object({ userId: z.uuid("Unknown user") });

export const changeOwnPasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(MAX_PASSWORD_LENGTH, "Password is too long"),
  newPassword: z.string(),
});

export const changeRoleSchema = z.object({
  userId: z.uuid("Unknown user"),
  role: roleSchema,
});

export type NewUser = z.output<typeof newUserSchema>;
