"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { newTokenSchema, revokeTokenSchema } from "./schemas";
import { createToken, revokeToken } from "./tokens";

const TOKENS_PATH = "/settings/tokens";

export const createTokenAction = defineAction({
  name: "tokens.create",
  role: "admin",
  input: newTokenSchema,
  async run(input, { user }) {
    const created = await createToken(db, input, user);
    revalidatePath(TOKENS_PATH);
    // The one response that carries the secret; the page never reads it again.
    return { id: created.summary.id, name: created.summary.name, token: created.token };
  },
  message: (created) => `Created ${created.name}.`,
});

export const revokeTokenAction = defineAction({
  name: "tokens.revoke",
  role: "admin",
  input: revokeTokenSchema,
  async run(input, { user }) {
    const revoked = await revokeToken(db, { id: input.id }, user);
    revalidatePath(TOKENS_PATH);
    return { name: revoked.name };
  },
  message: (revoked) => `Revoked ${revoked.name}.`,
});
