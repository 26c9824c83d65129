import { createHash, randomBytes } from "node:crypto";

const TOKEN_MARKER = "fbk_";
/** How much of a token is kept in the clear, to recognise it in lists: "fbk_" and 8 more characters. */
const PREFIX_LENGTH = 12;

/** Only this hash is stored; the token itself is shown once and then exists only with its holder. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function generateToken(): { token: string; prefix: string; hash: string } {
  const token = `${TOKEN_MARKER}${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, PREFIX_LENGTH), hash: hashToken(token) };
}
