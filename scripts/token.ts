// `npm run -s token -- create --name N --scope S`: creates an API token for automation against the
// configured database and prints it, and nothing else, on stdout: TOKEN=$(npm run -s token -- create …).
// `list` prints the tokens; `revoke --name N` revokes one. Everything else goes to stderr.
import { createPrismaClient, type Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { prepareDatabase } from "@/lib/runtime/database";
import { parseTokenCommand, TOKEN_USAGE, UsageError, type TokenCommand } from "@/lib/tokens/cli-args";
import { createToken, listTokens, revokeToken, type TokenSummary } from "@/lib/tokens/tokens";

const actor = { id: null, label: "cli" };

const when = (date: Date | null) => date?.toISOString() ?? "never";

function tokenLine(token: TokenSummary): string {
  const state = token.revokedAt ? `revoked ${when(token.revokedAt)}` : "live";
  return [token.name, `${token.prefix}…`, token.scopes.join(","), `created ${when(token.createdAt)}`, `last used ${when(token.lastUsedAt)}`, state].join("\t");
}

async function run(db: Db, command: TokenCommand): Promise<void> {
  switch (command.command) {
    case "create": {
      const { token, summary } = await createToken(db, { name: command.name, scopes: command.scope }, actor);
      process.stdout.write(`${token}\n`);
      console.error(`Created token "${summary.name}" (${summary.scopes.join(", ")}). It is shown only this once: keep it somewhere safe.`);
      return;
    }
    case "list": {
      const tokens = await listTokens(db);
      for (const token of tokens) process.stdout.write(`${tokenLine(token)}\n`);
      if (tokens.length === 0) console.error("No API tokens yet.");
      return;
    }
    case "revoke": {
      const revoked = await revokeToken(db, { name: command.name }, actor);
      console.error(`Revoked token "${revoked.name}" (${revoked.prefix}…).`);
      return;
    }
  }
}

async function main() {
  let command: TokenCommand;
  try {
    command = parseTokenCommand(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${TOKEN_USAGE}`);
    process.exit(2);
  }
  const database = await prepareDatabase(env(), (line) => console.error(line), { shareRunning: true });
  const db = createPrismaClient(database.url);
  try {
    await run(db, command);
  } finally {
    await db.$disconnect();
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof DomainError ? error.message : error);
  process.exit(1);
});
