import { setAlertMapping } from "@/lib/alerts/mapping";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/timeline/actor";
import { createToken } from "@/lib/tokens/tokens";

// The chaos run's own organisation, written straight to the database. Alerts open incidents on
// one system whose team escalates every minute through three people, one step each, so steps
// fall due all through the run (and inside every outage); a second severity pages a crowd at
// once, for the fan-outs that are in flight when a fault strikes. Everyone takes SMS only, so a
// page is one Twilio request the sandbox records.

export const ALERT_SEVERITY = "chaos-alert";
const CROWD_SEVERITY = "chaos-crowd";
export const CHAOS_SYSTEM = "chaos-system";
export const ESCALATION_STEP_MINUTES = 1;
export const BENCH_PASSWORD = "chaos-bench-password";

export interface ChaosWorld {
  commander: Actor;
  /** Signs in to follow the live stream. */
  viewerEmail: string;
  systemId: string;
  /** Owned by no team: a crowd incident pages its severity's audience and nobody else. */
  crowdSystemId: string;
  alertSeverityId: string;
  crowdSeverityId: string;
  /** The phone of each step's person, in order: step 1 the team lead. */
  stepPhones: string[];
  crowd: number;
  /** alerts:write, for the Alertmanager posts. */
  alertToken: string;
}

const phone = (index: number) => `+1555${String(index).padStart(7, "0")}`;

export async function seedChaosWorld(db: Db, crowd: number): Promise<ChaosWorld> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const [commander] = await Promise.all([
    db.user.create({ data: { email: "chaos-commander@example.test", name: "Chaos Commander", role: "commander", passwordHash }, select: { id: true, email: true, name: true } }),
    db.user.create({ data: { email: "chaos-viewer@example.test", name: "Chaos Viewer", role: "viewer", passwordHash } }),
  ]);
  await db.contact.createMany({
    data: Array.from({ length: crowd + 3 }, (_, index) => ({
      email: `chaos-person-${index}@example.test`,
      name: `Chaos Person ${index}`,
      phone: phone(index),
      acceptsSms: true,
      acceptsEmail: false,
    })),
  });
  const contacts = await db.contact.findMany({ where: { email: { startsWith: "chaos-person-" } }, orderBy: { phone: "asc" }, select: { id: true, phone: true } });
  const [lead, second, third] = contacts;
  const team = await db.team.create({
    data: {
      key: "chaos-oncall",
      name: "Chaos on-call",
      members: { create: [{ contactId: lead!.id, role: "lead" }] },
      escalationPolicy: {
        create: {
          repeatCount: 0,
          steps: [
            { afterMinutes: 0, targets: [{ type: "team_lead" }] },
            { afterMinutes: ESCALATION_STEP_MINUTES, targets: [{ type: "contact", contactId: second!.id }] },
            { afterMinutes: ESCALATION_STEP_MINUTES, targets: [{ type: "contact", contactId: third!.id }] },
          ],
        },
      },
    },
    select: { id: true },
  });
  const system = await db.system.create({ data: { key: CHAOS_SYSTEM, name: "Chaos system", ownerTeamId: team.id }, select: { id: true } });
  const crowdSystem = await db.system.create({ data: { key: "chaos-crowd-system", name: "Chaos crowd system" }, select: { id: true } });
  const severity = (key: string, rank: number, audience: { id: string }[]) =>
    db.severityLevel.create({
      data: {
        key,
        description: `Chaos bench: ${key}`,
        // Far beyond the run: no acknowledge-breach job fires while it is measured.
        responseTimeSeconds: 24 * 3600,
        notification: `${audience.length} chaos people`,
        rank,
        audienceContacts: { create: audience.map(({ id }) => ({ contactId: id })) },
      },
      select: { id: true },
    });
  const alertSeverity = await severity(ALERT_SEVERITY, 100, []);
  const crowdSeverity = await severity(CROWD_SEVERITY, 101, contacts.slice(3));
  const actor = { id: null, label: "chaos bench" };
  await setAlertMapping(
    db,
    { severityLabel: "severity", severityMap: { chaos: ALERT_SEVERITY }, defaultSeverity: ALERT_SEVERITY, systemLabels: ["system"], defaultSystem: CHAOS_SYSTEM, resolveIncidents: false },
    actor,
  );
  const { token } = await createToken(db, { name: "chaos-alertmanager", scopes: ["alerts:write"] }, actor);
  return {
    commander,
    viewerEmail: "chaos-viewer@example.test",
    systemId: system.id,
    crowdSystemId: crowdSystem.id,
    alertSeverityId: alertSeverity.id,
    crowdSeverityId: crowdSeverity.id,
    stepPhones: [lead!.phone!, second!.phone!, third!.phone!],
    crowd: contacts.length - 3,
    alertToken: token,
  };
}
