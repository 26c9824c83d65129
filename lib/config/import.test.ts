import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resetDatabase } from "@/test/reset-database";
import { importPlanConfig } from "./import";
import { loadPlanConfig } from "./load";
import type { PlanConfig } from "./schema";

const planDir = path.resolve("config");

async function counts() {
  const [levels, teams, contacts, members, drills] = await Promise.all([
    db.severityLevel.count(),
    db.team.count(),
    db.contact.count(),
    db.teamMember.count(),
    db.drillSchedule.count(),
  ]);
  return { levels, teams, contacts, members, drills };
}

beforeEach(() => resetDatabase(db));

describe("importPlanConfig", () => {
  it("imports the plan: levels in order, teams with lead and members, contacts, drills", async () => {
    const summary = await importPlanConfig(db, await loadPlanConfig(planDir));
    expect(summary).toEqual({ levels: 4, teams: 3, contacts: 3, drills: 3 });

    const levels = await db.severityLevel.findMany({ orderBy: { rank: "asc" }, select: { key: true, responseTimeSeconds: true } });
    expect(levels).toEqual([
      { key: "critical", responseTimeSeconds: 900 },
      { key: "high", responseTimeSeconds: 1800 },
      { key: "medium", responseTimeSeconds: 7200 },
      { key: "low", responseTimeSeconds: 86_400 },
    ]);
    const blockchain = await db.team.findUniqueOrThrow({
      where: { key: "blockchain" },
      select: { name: true, members: { select: { role: true, contact: { select: { email: true } } } } },
    });
    expect(blockchain.name).toBe("Blockchain");
    expect(blockchain.members.find((m) => m.role === "lead")?.contact.email).toBe("blockchain-lead@chain138.com");
    expect(blockchain.members.filter((m) => m.role === "member")).toHaveLength(2);
    expect(await db.contact.findUnique({ where: { emergencyKey: "primary" }, select: { name: true, phone: true } })).toEqual({
      name: "John Doe",
      phone: "+12345678900",
    });
    expect(await counts()).toEqual({ levels: 4, teams: 3, contacts: 12, members: 9, drills: 3 });
  });

  it("is idempotent: a second import changes nothing", async () => {
    const config = await loadPlanConfig(planDir);
    await importPlanConfig(db, config);
    const before = await counts();
    await importPlanConfig(db, config);
    expect(await counts()).toEqual(before);
  });

  it("updates what changed and takes people the YAML no longer lists off the team", async () => {
    const config = await loadPlanConfig(planDir);
    await importPlanConfig(db, config);
    const changed: PlanConfig = structuredClone(config);
    changed.levels.critical!.response_time = 600;
    changed.teams.blockchain!.members = ["node-operator@chain138.com"];
    changed.contacts.primary!.name = "Joan Doe";
    await importPlanConfig(db, changed);

    expect((await db.severityLevel.findUniqueOrThrow({ where: { key: "critical" } })).responseTimeSeconds).toBe(600);
    const team = await db.team.findUniqueOrThrow({ where: { key: "blockchain" }, select: { members: { select: { contact: { select: { email: true } } } } } });
    expect(team.members.map((m) => m.contact.email).sort()).toEqual(["blockchain-lead@chain138.com", "node-operator@chain138.com"]);
    expect((await db.contact.findUniqueOrThrow({ where: { emergencyKey: "primary" } })).name).toBe("Joan Doe");
    expect(await db.severityLevel.count()).toBe(4);
  });
});
