import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifyPassword } from "@/lib/auth/password";
import { resetDatabase } from "@/test/reset-database";
import { changeOwnPassword, changeUserRole, createUser, LastAdmin, OwnAccount, resetUserPassword, setUserDisabled, UserConflict, WeakPassword, WrongPassword } from "./service";

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

describe("account lifecycle", () => {
  const admin = { email: "admin@example.com", name: "Admin", role: "admin" as const, password: "correct horse battery" };
  const storedOf = (id: string) => db.user.findUniqueOrThrow({ where: { id }, omit: { passwordHash: false } });

  it("disables and enables a person, each time ending their sessions, and audits both", async () => {
    const boss = await createUser(db, admin, actor);
    const person = await createUser(db, input, actor);
    const by = { id: boss.id, email: boss.email };

    expect((await setUserDisabled(db, person.id, true, by)).disabledAt).not.toBeNull();
    expect((await storedOf(person.id)).sessionVersion).toBe(1);
    expect((await setUserDisabled(db, person.id, false, by)).disabledAt).toBeNull();
    expect((await storedOf(person.id)).sessionVersion).toBe(2);
    const audit = await db.auditEntry.findMany({ where: { targetId: person.id }, orderBy: { id: "asc" }, select: { action: true, actorLabel: true } });
    expect(audit.slice(1)).toEqual([
      { action: "user.disabled", actorLabel: boss.email },
      { action: "user.enabled", actorLabel: boss.email },
    ]);
  });

  it("refuses to disable the admin's own account or the last admin, and changes nothing", async () => {
    const boss = await createUser(db, admin, actor);
    await expect(setUserDisabled(db, boss.id, true, { id: boss.id, email: boss.email })).rejects.toBeInstanceOf(OwnAccount);
    await expect(setUserDisabled(db, boss.id, true, actor)).rejects.toBeInstanceOf(LastAdmin);
    expect(await storedOf(boss.id)).toMatchObject({ disabledAt: null, sessionVersion: 0 });
  });

  it("resets a password to a generated one, shown once and never stored or audited in the clear", async () => {
    const person = await createUser(db, input, actor);
    const reset = await resetUserPassword(db, person.id, actor);
    expect(reset.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const stored = await storedOf(person.id);
    expect(await verifyPassword(reset.password, stored.passwordHash)).toBe(true);
    expect(await verifyPassword(input.password, stored.passwordHash)).toBe(false);
    expect(stored.sessionVersion).toBe(1);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "user.password_reset" } });
    expect(JSON.stringify({ ...audit, id: String(audit.id) })).not.toContain(reset.password);
  });

  it("changes one's own password only with the current one, and only to one that is hard to guess", async () => {
    const person = await createUser(db, input, actor);
    const self = { id: person.id, email: person.email };
    await expect(changeOwnPassword(db, self, "not it", "a brand new phrase of words")).rejects.toBeInstanceOf(WrongPassword);
    await expect(changeOwnPassword(db, self, input.password, "password1234")).rejects.toThrow(/too common or easy to guess/);
    await expect(changeOwnPassword(db, self, input.password, "short")).rejects.toThrow("Use at least 12 characters");
    await expect(changeOwnPassword(db, self, input.password, "ops@example.com")).rejects.toBeInstanceOf(WeakPassword);
    expect((await storedOf(person.id)).sessionVersion).toBe(0);

    await changeOwnPassword(db, self, input.password, "lantern otter quarry mosaic");
    const stored = await storedOf(person.id);
    expect(await verifyPassword("lantern otter quarry mosaic", stored.passwordHash)).toBe(true);
    expect(stored.sessionVersion).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "user.password_changed", targetId: person.id } })).toBe(1);
  });
});
