import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";

// What a page shows of a person: who they are and how they can be paged.
const contactCard = { id: true, name: true, title: true, email: true, phone: true, acceptsSms: true, acceptsEmail: true } as const;

export const listSeverityLevels = cache(() =>
  db.severityLevel.findMany({
    select: { id: true, key: true, description: true, responseTimeSeconds: true, notification: true },
    orderBy: { rank: "asc" },
  }),
);

export const listTeams = cache(() =>
  db.team.findMany({
    select: {
      id: true,
      key: true,
      name: true,
      members: {
        select: { role: true, contact: { select: contactCard } },
        orderBy: [{ role: "asc" }, { contact: { email: "asc" } }],
      },
      systems: { select: { id: true, name: true }, orderBy: { name: "asc" } },
    },
    orderBy: { name: "asc" },
  }),
);

export const listEmergencyContacts = cache(() =>
  db.contact.findMany({
    where: { emergencyKey: { not: null } },
    select: { ...contactCard, emergencyKey: true },
    orderBy: { emergencyKey: "asc" },
  }),
);

export const listSystems = cache(() =>
  db.system.findMany({
    select: { id: true, key: true, name: true, ownerTeam: { select: { name: true } } },
    orderBy: { name: "asc" },
  }),
);
