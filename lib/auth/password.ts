import { hash, verify } from "@node-rs/bcrypt";

// Native bcrypt on libuv's thread pool: a flood of sign-ins costs CPU but never stalls the event
// loop that serves the webhooks. Hashes written by the pure-JS bcryptjs before are read as they are.
const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return hash(password, COST);
}

// Compared when the account does not exist, so a miss costs as long as a wrong password.
let unknownAccountHash: Promise<string> | undefined;

export async function verifyPassword(password: string, passwordHash: string | null | undefined): Promise<boolean> {
  if (passwordHash) return verify(password, passwordHash);
  unknownAccountHash ??= hash("no such account", COST);
  await verify(password, await unknownAccountHash);
  return false;
}
