import { describe, expect, it } from "vitest";
import { parseTokenCommand, UsageError } from "./cli-args";

const usageError = (argv: string[]) => {
  try {
    parseTokenCommand(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`${argv.join(" ")} was accepted`);
};

describe("parseTokenCommand", () => {
  it("reads create with repeated and comma-separated scopes", () => {
    expect(parseTokenCommand(["create", "--name", "backup-db", "--scope", "backups:write,metrics:read", "--scope", "alerts:write"])).toEqual({
      command: "create",
      name: "backup-db",
      scope: ["backups:write", "metrics:read", "alerts:write"],
    });
    expect(parseTokenCommand(["list"])).toEqual({ command: "list" });
    expect(parseTokenCommand(["revoke", "--name", "backup-db"])).toEqual({ command: "revoke", name: "backup-db" });
  });

  it("names the option and the rule it broke", () => {
    expect(usageError([])).toBe("command: must be one of create, list, revoke");
    expect(usageError(["rotate"])).toBe("command: must be one of create, list, revoke");
    expect(usageError(["create", "--name", "ci"])).toBe("--scope: Choose at least one scope");
    expect(usageError(["create", "--name", "ci", "--scope", "admin"])).toBe('--scope: Unknown scope "admin": use backups:write, alerts:write, metrics:read');
    expect(usageError(["create", "--scope", "alerts:write"])).toBe("--name: Enter a name");
    expect(usageError(["revoke"])).toBe("--name: Enter a name");
    expect(usageError(["list", "--scope", "alerts:write"])).toBe("--scope: not an option of this command");
    expect(usageError(["list", "now"])).toBe("unexpected argument: now");
    expect(usageError(["create", "--nmae", "ci"])).toContain("'--nmae'");
  });
});
