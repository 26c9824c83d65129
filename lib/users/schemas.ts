import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

export const roleSchema = z.enum(ROLES, "must be one of viewer, responder, commander, admin");

export const newUserSchema = z.object({
  email: z.email("Enter a valid email address").transform((value) => value.toLowerCase()),
  name: z.string().trim().min(1, "Enter a name").max(120, "Use at most 120 characters"),
  role: roleSchema,
  password: z.string().min(12, "Use at least 12 characters").max(200, "Use at most 200 characters"),
});

export const changeRoleSchema = z.object({
  userId: z.uuid("Unknown user"),
  role: roleSchema,
});

export type NewUser = z.output<typeof newUserSchema>;
