import { parseArgs } from "node:util";
import { z } from "zod";
import { TOKEN_SCOPES } from "./scopes";
import { tokenNameSchema, tokenScopesSchema } from "./schemas";

export const TOKEN_USAGE = `Usage:
  npm run -s token -- create --name NAME --scope SCOPE [--scope SCOPE …]   prints the new token, and only it, on stdout
  npm run -s token -- list
  npm run -s token -- revoke --name NAME
Scopes: ${TOKEN_SCOPES.join(", ")} (several: --scope a --scope b, or --scope a,b)`;

/** Bad usage: the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {}

const tokenCommandSchema = z.discriminatedUnion(
  "command",
  [
    z.strictObject({ command: z.literal("create"), name: tokenNameSchema, scope: tokenScopesSchema }),
    z.strictObject({ command: z.literal("list") }),
    z.strictObject({ command: z.literal("revoke"), name: tokenNameSchema }),
  ],
  { error: (issue) => (issue.code === "invalid_union" ? "must be one of create, list, revoke" : undefined) },
);

export type TokenCommand = z.output<typeof tokenCommandSchema>;

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return `${issue.keys.map((key) => `--${key}`).join(", ")}: not an option of this command`;
  const [field] = issue.path;
  return field === "command" || field === undefined ? `command: ${issue.message}` : `--${String(field)}: ${issue.message}`;
}

function readArgs(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: { name: { type: "string" }, scope: { type: "string", multiple: true } } });
  } catch (error) {
    // node:util names the offending option ("Unknown option '--nmae'").
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** `create --name N --scope S`, `list`, `revoke --name N`, from process.argv.slice(2). */
export function parseTokenCommand(argv: string[]): TokenCommand {
  const { positionals, values } = readArgs(argv);
  const [command, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected argument${extra.length > 1 ? "s" : ""}: ${extra.join(" ")}`);
  const options = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
  const result = tokenCommandSchema.safeParse({ command, ...options });
  if (!result.success) throw new UsageError(result.error.issues.map(describe).join("\n"));
  return result.data;
}
