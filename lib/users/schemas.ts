import { z } from "zod";
import { isTimeZone } from "@/lib/format/time";
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

/** A person's time zone: an IANA name (Europe/London, America/New_York, UTC), or empty for the browser's own. */
export const timeZoneSchema = z.object({
  timeZone: z
    .string()
    .trim()
    .max(64, "Time zone must be at most 64 characters")
    .refine((zone) => zone === "" || isTimeZone(zone), "must be a time zone like Europe/London, or empty for your browser's")
    .transform((zone) => (zone === "" ? null : zone)),
});
