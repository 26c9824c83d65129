import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifyPassword } from "@/lib/auth/password";
import { resetDatabase } from "@/test/reset-database";
import { changeUserRole, createUser, LastAdmin, UserConflict } from "./service";

const actor = { id: null, label: "test" };
const input = { email: "ops@example.com", name: "Ops", role: "responder" as const, password: "correct horse battery" };

beforeEach(() => resetDatabase(db));

describe("createUser", () => {
  it("stores a password hash, never the password, and audits the creation", async () => {
    const user = await createUser(db, input, actor);
    expect(user).not.toHaveProperty("passwordHash");
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(stored.passwordHash).not.toContain(input.password);
    expect(await verifyPassword(input.password, stored.passwordHash)).toBe(true);
    expect(await db.auditEntry.findMany({ select: { action: true, targetId: true } })).toEqual([{ action: "user.created", targetId: user.id }]);
  });

  it("refuses a second account with the same email and writes nothing", async () => {
    await createUser(db, input, actor);
    await expect(createUser(db, { ...input, name: "Other" }, actor)).rejects.toBeInstanceOf(UserConflict);
    expect(await db.user.count()).toBe(1);
    expect(await db.auditEntry.count()).toBe(1);
  });
});

describe("the database client", () => {
  it("leaves password hashes out unless a query asks for them", async () => {
    await createUser(db, input, actor);
    const [listed] = await db.user.findMany();
    expect(listed).toBeDefined();
    expect(listed).not.toHaveProperty("passwordHash");
  });
});

describe("changeUserRole", () => {
  it("changes the role and records from and to", async () => {
    const user = await createUser(db, input, actor);
    await changeUserRole(db, user.id, "commander", actor);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("commander");
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "user.role_changed" } });
    expect(entry.data).toEqual({ email: input.email, from: "responder", to: "commander" });
  });

  it("never leaves Firebreak without an admin", async () => {
    const admin = await createUser(db, { ...input, role: "admin" }, actor);
    await expect(changeUserRole(db, admin.id, "viewer", actor)).rejects.toBeInstanceOf(LastAdmin);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
    expect(await db.auditEntry.count({ where: { action: "user.role_changed" } })).toBe(0);
  });
});
