import { z } from "zod";
import { isTokenScope, TOKEN_SCOPES, type TokenScope } from "./scopes";

export const tokenNameSchema = z
  .string({ error: (issue) => (issue.input === undefined ? "Enter a name" : "Name must be text") })
  .trim()
  .min(1, "Enter a name")
  .max(100, "Use at most 100 characters");

// Checkboxes send one value per scope; the CLI may also send "a,b" in one.
function scopeList(value: unknown): unknown {
  if (value === undefined || value === null) return [];
  const values = Array.isArray(value) ? value : [value];
  if (!values.every((item) => typeof item === "string")) return value;
  return values.flatMap((item: string) => item.split(",")).map((item) => item.trim()).filter(Boolean);
}

export const tokenScopesSchema = z.preprocess(
  scopeList,
  z
    .array(z.string(), "Scopes must be a list of scope names")
    .min(1, "Choose at least one scope")
    .superRefine((scopes, context) => {
      for (const scope of scopes.filter((item) => !isTokenScope(item))) {
        context.addIssue({ code: "custom", message: `Unknown scope "${scope}": use ${TOKEN_SCOPES.join(", ")}` });
      }
    })
    .transform((scopes) => [...new Set(scopes)] as TokenScope[]),
);

export const newTokenSchema = z.object({ name: tokenNameSchema, scopes: tokenScopesSchema });

export const revokeTokenSchema = z.object({ id: z.uuid("Unknown token") });

export type NewToken = z.output<typeof newTokenSchema>;
