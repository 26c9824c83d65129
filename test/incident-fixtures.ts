import path from "node:path";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { importPlanConfig } from "@/lib/config/import";
import { loadPlanConfig } from "@/lib/config/load";
import type { Db } from "@/lib/db/client";
import { resetDatabase } from "./reset-database";

/** The plan's configuration, two systems and one user per role: what incident tests stand on. */
export async function seedIncidentWorld(db: Db) {
  await importPlanConfig(db, await loadPlanConfig(path.resolve("config")));
  const team = await db.team.findUniqueOrThrow({ where: { key: "infrastructure" } });
  const bridge = await db.system.create({ data: { key: "bridge", name: "Bridge Infrastructure", ownerTeamId: team.id } });
  const monitoring = await db.system.create({ data: { key: "monitoring", name: "Monitoring Systems", ownerTeamId: team.id } });
  const passwordHash = await hashPassword("irrelevant-password");
  const user = (role: Role) =>
    db.user.create({ data: { email: `${role}@example.test`, name: `${role[0]!.toUpperCase()}${role.slice(1)}`, role, passwordHash }, select: { id: true, email: true, role: true } });
  const [viewer, responder, commander, admin] = await Promise.all([user("viewer"), user("responder"), user("commander"), user("admin")]);
  const severity = async (key: string) => (await db.severityLevel.findUniqueOrThrow({ where: { key } })).id;
  return {
    systems: { bridge, monitoring },
    users: { viewer, responder, commander, admin },
    severities: { critical: await severity("critical"), high: await severity("high"), medium: await severity("medium"), low: await severity("low") },
  };
}

export type IncidentWorld = Awaited<ReturnType<typeof seedIncidentWorld>>;

/** An empty database and job queue, then the world above: the usual start of an incident or paging test. */
export async function freshIncidentWorld(db: Db): Promise<IncidentWorld> {
  await resetDatabase(db);
  await db.$executeRawUnsafe(`DELETE FROM graphile_worker._private_jobs`);
  return seedIncidentWorld(db);
}
