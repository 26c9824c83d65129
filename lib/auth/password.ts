import bcrypt from "bcryptjs";

const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

// Compared when the account does not exist, so a miss costs as long as a wrong password.
let unknownAccountHash: Promise<string> | undefined;

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (hash) return bcrypt.compare(password, hash);
  unknownAccountHash ??= bcrypt.hash("no such account", COST);
  await bcrypt.compare(password, await unknownAccountHash);
  return false;
}
