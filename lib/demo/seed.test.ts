import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resetDatabase } from "@/test/reset-database";
import { demoPhone, seedDemo } from "./seed";

beforeEach(() => resetDatabase(db));

describe("seedDemo", () => {
  it("gives every team member and lead a fictional phone, and keeps a phone someone already has", async () => {
    const kept = await db.contact.create({ data: { email: "sre@chain138.com", name: "Sre", phone: "+442079460000" } });
    await seedDemo(db, path.resolve("config"), { history: false });

    const members = await db.contact.findMany({ where: { memberships: { some: {} } }, select: { email: true, phone: true }, orderBy: { email: "asc" } });
    expect(members).toHaveLength(9);
    expect(members.find((member) => member.email === kept.email)?.phone).toBe("+442079460000");
    const seeded = members.filter((member) => member.email !== kept.email).map((member) => member.phone);
    for (const phone of seeded) expect(phone).toMatch(/^\+155501\d{5}$/);
    expect(new Set(seeded).size).toBe(8);
    expect(members[0]).toEqual({ email: "blockchain-lead@chain138.com", phone: demoPhone(1) });
    expect((await db.contact.findUniqueOrThrow({ where: { emergencyKey: "primary" } })).phone).toBe("+12345678900");
  });
});
