import path from "node:path";
import { importPlanConfig } from "@/lib/config/import";
import { loadPlanConfig } from "@/lib/config/load";
import type { Db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { seedDemoBackups } from "./backups";
import { seedDemoDrills } from "./drills";
import { seedDemoHistory } from "./history";

export const DEMO_PASSWORD = "firebreak-demo";

export const demoUsers: { email: string; name: string; role: Role }[] = [
  { email: "admin@firebreak.demo", name: "Ada Admin", role: "admin" },
  { email: "commander@firebreak.demo", name: "Casey Commander", role: "commander" },
  { email: "responder@firebreak.demo", name: "Riley Responder", role: "responder" },
  { email: "viewer@firebreak.demo", name: "Vic Viewer", role: "viewer" },
];

// The plan's critical systems and the team that owns each.
export const planSystems = [
  { key: "blockchain-nodes", name: "Blockchain Nodes", team: "blockchain" },
  { key: "privacy-manager", name: "Privacy Manager", team: "security" },
  { key: "bridge", name: "Bridge Infrastructure", team: "infrastructure" },
  { key: "defi-protocols", name: "DeFi Protocols", team: "blockchain" },
  { key: "monitoring", name: "Monitoring Systems", team: "infrastructure" },
];

const SEEDED_KEY = "demo.seededAt";

/** Fictional numbers (+1 555 01xx ...), never anyone's real phone: the demo's outbox shows an SMS to each of them. */
export const demoPhone = (n: number) => `+1555010${String(n).padStart(4, "0")}`;

export async function isDemoSeeded(db: Db): Promise<boolean> {
  return (await db.setting.count({ where: { key: SEEDED_KEY } })) > 0;
}

/**
 * The demo organisation: the plan's config, its critical systems, phone numbers for the team members,
 * one user per role, and (unless turned off) past incidents.
 */
export async function seedDemo(
  db: Db,
  configDir = path.resolve(process.cwd(), "config"),
  { history = env().FIREBREAK_DEMO_HISTORY }: { history?: boolean } = {},
): Promise<void> {
  const config = await loadPlanConfig(configDir);
  await importPlanConfig(db, config);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // One transaction, so a failed seed leaves nothing half done; the history takes about a second,
  // and Prisma's default five-second limit is tight on a busy machine.
  await db.$transaction(async (tx) => {
    for (const system of planSystems) {
      const team = await tx.team.findUnique({ where: { key: system.team }, select: { id: true } });
      await tx.system.upsert({
        where: { key: system.key },
        create: { key: system.key, name: system.name, ownerTeamId: team?.id ?? null },
        update: {},
      });
    }
    // Every team member gets a number, each always the same one; a phone from the plan or an admin is kept.
    const members = await tx.contact.findMany({ where: { memberships: { some: {} } }, select: { id: true, phone: true }, orderBy: { email: "asc" } });
    for (const [index, member] of members.entries()) {
      if (!member.phone) await tx.contact.update({ where: { id: member.id }, data: { phone: demoPhone(index + 1) } });
    }
    for (const user of demoUsers) {
      await tx.user.upsert({ where: { email: user.email }, create: { ...user, passwordHash }, update: {} });
    }
    if (history) await seedDemoHistory(tx, { now: new Date() });
    if (history) await seedDemoBackups(tx, { now: new Date() });
    if (history) await seedDemoDrills(tx, { now: new Date() });
    await tx.setting.create({ data: { key: SEEDED_KEY, value: new Date().toISOString() } });
  }, { timeout: 60_000 });
}
