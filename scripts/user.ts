// People from the shell, e.g. the first admin on an operator's own database, or a way back in:
//   npm run user -- create --email E --name N [--role R]   prints a generated initial password
//   npm run user -- disable --email E                      ends their sessions; they cannot sign in
//   npm run user -- enable --email E
//   npm run user -- reset-password --email E               prints a generated password; ends their sessions
// Beside a running Firebreak on the embedded database, it uses that database.
import { parseArgs } from "node:util";
import { z } from "zod";
import { createPrismaClient } from "@/lib/db/client";
import { env } from "@/lib/env";
import { prepareDatabase } from "@/lib/runtime/database";
import { newUserSchema } from "@/lib/users/schemas";
import { createUser, generatePassword, resetUserPassword, setUserDisabled } from "@/lib/users/service";

const USAGE = `Usage:
  npm run user -- create --email E --name N [--role viewer|responder|commander|admin]
  npm run user -- disable --email E
  npm run user -- enable --email E
  npm run user -- reset-password --email E`;

const COMMANDS = ["create", "disable", "enable", "reset-password"] as const;
const emailSchema = z.object({ email: z.email("must be an email address").transform((value) => value.toLowerCase()) });
const CLI = { id: null, label: "cli" };

function parsed<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(result.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n"));
  return result.data;
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "viewer" } },
  });
  const command = COMMANDS.find((name) => name === positionals[0]);
  if (!command) throw new Error(USAGE);
  const password = generatePassword();
  // Checked before the database is touched.
  const input = command === "create" ? parsed(newUserSchema, { ...values, password }) : parsed(emailSchema, values);

  const database = await prepareDatabase(env(), (line) => console.log(line), { shareRunning: true });
  const db = createPrismaClient(database.url);
  try {
    if (command === "create") {
      const user = await createUser(db, input as z.output<typeof newUserSchema>, CLI);
      console.log(`Created ${user.email} (${user.role}). Initial password: ${password}`);
      return;
    }
    const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, email: true } });
    if (!user) throw new Error(`--email: no user has the email ${input.email}`);
    if (command === "reset-password") {
      const reset = await resetUserPassword(db, user.id, CLI);
      console.log(`New password for ${reset.email}: ${reset.password} (their sessions have ended)`);
    } else {
      await setUserDisabled(db, user.id, command === "disable", CLI);
      console.log(command === "disable" ? `${user.email} is disabled; their sessions have ended.` : `${user.email} can sign in again.`);
    }
  } finally {
    await db.$disconnect();
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
