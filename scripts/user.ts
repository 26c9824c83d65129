// `npm run user -- create --email E --name N --role R`: creates a user from the shell, e.g.
// the first admin on an operator's own database. Prints a generated initial password.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/db/client";
import { env } from "@/lib/env";
import { prepareDatabase } from "@/lib/runtime/database";
import { newUserSchema } from "@/lib/users/schemas";
import { createUser, UserConflict } from "@/lib/users/service";

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "viewer" } },
  });
  if (positionals[0] !== "create") throw new Error("Usage: npm run user -- create --email E --name N [--role viewer|responder|commander|admin]");
  const password = randomBytes(12).toString("base64url");
  const parsed = newUserSchema.safeParse({ ...values, password });
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n"));
  }
  const database = await prepareDatabase(env(), (line) => console.log(line));
  const db = createPrismaClient(database.url);
  try {
    const user = await createUser(db, parsed.data, { id: null, label: "cli" });
    console.log(`Created ${user.email} (${user.role}). Initial password: ${password}`);
  } finally {
    await db.$disconnect();
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof UserConflict || error instanceof Error ? error.message : error);
  process.exit(1);
});
