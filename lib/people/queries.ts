import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { parseStoredPolicy } from "@/lib/people/escalation-policy";
import { AUDIENCE_SETTING_PREFIX, audienceSetBy } from "./audiences";

const contactCard = { id: true, name: true, title: true, email: true, phone: true, acceptsSms: true, acceptsEmail: true } as const;

/** Everyone Firebreak can page, with the teams they are on. */
export const listContacts = cache(() =>
  db.contact.findMany({
    select: { ...contactCard, emergencyKey: true, memberships: { select: { role: true, team: { select: { key: true, name: true } } }, orderBy: { team: { name: "asc" } } } },
    orderBy: [{ name: "asc" }, { email: "asc" }],
  }),
);

/** One team's roster, systems and escalation policy (null when it has none). */
export const getTeamDetail = cache(async (key: string) => {
  const team = await db.team.findUnique({
    where: { key },
    select: {
      id: true,
      key: true,
      name: true,
      members: { select: { role: true, contact: { select: contactCard } }, orderBy: [{ role: "asc" }, { contact: { name: "asc" } }] },
      systems: { select: { id: true, name: true }, orderBy: { name: "asc" } },
      escalationPolicy: { select: { repeatCount: true, steps: true } },
    },
  });
  if (!team) return null;
  const { escalationPolicy, ...rest } = team;
  return { ...rest, policy: escalationPolicy ? parseStoredPolicy(escalationPolicy) : null };
});

export type TeamDetail = NonNullable<Awaited<ReturnType<typeof getTeamDetail>>>;

/** Each severity, most severe first, with the teams and contacts its notification line pages. */
export const listSeverityAudiences = cache(async () => {
  const [levels, settings] = await Promise.all([
    db.severityLevel.findMany({
      select: {
        id: true,
        key: true,
        description: true,
        notification: true,
        audienceTeams: { select: { team: { select: { id: true, key: true, name: true } } }, orderBy: { team: { name: "asc" } } },
        audienceContacts: { select: { contact: { select: { id: true, name: true, email: true } } }, orderBy: { contact: { name: "asc" } } },
      },
      orderBy: { rank: "asc" },
    }),
    db.setting.findMany({ where: { key: { startsWith: AUDIENCE_SETTING_PREFIX } }, select: { key: true, value: true } }),
  ]);
  const setBy = new Map(settings.map((setting) => [setting.key.slice(AUDIENCE_SETTING_PREFIX.length), audienceSetBy(setting.value)]));
  return levels.map(({ audienceTeams, audienceContacts, ...level }) => ({
    ...level,
    teams: audienceTeams.map((row) => row.team),
    contacts: audienceContacts.map((row) => row.contact),
    setBy: setBy.get(level.key) ?? null,
  }));
});

export type SeverityAudience = Awaited<ReturnType<typeof listSeverityAudiences>>[number];

export const listTeamChoices = cache(() => db.team.findMany({ select: { id: true, key: true, name: true }, orderBy: { name: "asc" } }));
