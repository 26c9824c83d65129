import { randomUUID } from "node:crypto";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { importPlanConfig } from "@/lib/config/import";
import { loadPlanConfig } from "@/lib/config/load";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { resetDatabase } from "@/test/reset-database";
import { saveSeverityAudience } from "./audiences";

const actor = { id: null, label: "admin@example.test" };

async function audienceOf(key: string) {
  const severity = await db.severityLevel.findUniqueOrThrow({
    where: { key },
    select: { audienceTeams: { select: { team: { select: { key: true } } } }, audienceContacts: { select: { contact: { select: { email: true } } } } },
  });
  return {
    teams: severity.audienceTeams.map((row) => row.team.key).sort(),
    contacts: severity.audienceContacts.map((row) => row.contact.email).sort(),
  };
}

beforeEach(async () => {
  await resetDatabase(db);
  await importPlanConfig(db, await loadPlanConfig(path.resolve("config")));
});

describe("saveSeverityAudience", () => {
  it("replaces the whole set of teams and contacts, and audits it", async () => {
    const critical = await db.severityLevel.findUniqueOrThrow({ where: { key: "critical" } });
    const security = await db.team.findUniqueOrThrow({ where: { key: "security" } });
    const sre = await db.contact.findUniqueOrThrow({ where: { email: "sre@chain138.com" } });
    expect((await audienceOf("critical")).teams).toEqual(["blockchain", "infrastructure", "security"]);

    await saveSeverityAudience(db, { severityId: critical.id, teamIds: [security.id, security.id], contactIds: [sre.id] }, actor);
    expect(await audienceOf("critical")).toEqual({ teams: ["security"], contacts: ["sre@chain138.com"] });
    expect((await db.auditEntry.findFirstOrThrow({ where: { action: "severity.audience_saved" } })).data).toEqual({
      reference: "critical",
      teams: ["security"],
      contacts: ["sre@chain138.com"],
    });

    await saveSeverityAudience(db, { severityId: critical.id, teamIds: [], contactIds: [] }, actor);
    expect(await audienceOf("critical")).toEqual({ teams: [], contacts: [] });
  });

  it("refuses teams or contacts that do not exist and keeps the audience it had", async () => {
    const high = await db.severityLevel.findUniqueOrThrow({ where: { key: "high" } });
    const before = await audienceOf("high");
    const team = await db.team.findFirstOrThrow();

    const unknownTeam = await saveSeverityAudience(db, { severityId: high.id, teamIds: [team.id, randomUUID()], contactIds: [] }, actor).catch((error: unknown) => error);
    expect(unknownTeam).toBeInstanceOf(DomainError);
    expect((unknownTeam as DomainError).fieldErrors).toEqual({ teamIds: ["Teams: choose existing teams"] });
    const notAnId = await saveSeverityAudience(db, { severityId: high.id, teamIds: [], contactIds: ["someone"] }, actor).catch((error: unknown) => error);
    expect((notAnId as DomainError).fieldErrors).toEqual({ "contactIds.0": ["Contacts: choose existing contacts"] });

    expect(await audienceOf("high")).toEqual(before);
    expect(await db.auditEntry.count()).toBe(0);
  });
});
