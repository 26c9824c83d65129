"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { saveSeverityAudience } from "./audiences";
import { createContact, deleteContact, updateContact } from "./contacts";
import { saveEscalationPolicy } from "./policies";
import {
  audienceSchema,
  contactRefSchema,
  contactUpdateSchema,
  membershipSchema,
  newContactSchema,
  newTeamSchema,
  policyInputSchema,
  teamRefSchema,
  teamRenameSchema,
} from "./schemas";
import { addTeamMember, createTeam, deleteTeam, removeTeamMember, renameTeam, setTeamLead } from "./teams";

// People and routing are settings: only admins change them. Teams show on the overview and the
// incident filters too, so every page is refreshed.
const actor = (user: SessionUser) => (user);
const refresh = () => revalidatePath("/", "layout");

export const createContactAction = defineAction({
  name: "people.create-contact",
  role: "admin",
  input: newContactSchema,
  async run(input, { user }) {
    const contact = await createContact(db, input, actor(user));
    refresh();
    return contact;
  },
  message: (contact) => `Added ${contact.name}.`,
});

export const updateContactAction = defineAction({
  name: "people.update-contact",
  role: "admin",
  input: contactUpdateSchema,
  async run(input, { user }) {
    const contact = await updateContact(db, input, actor(user));
    refresh();
    return contact;
  },
  message: (contact) => `Saved ${contact.name}.`,
});

export const deleteContactAction = defineAction({
  name: "people.delete-contact",
  role: "admin",
  input: contactRefSchema,
  async run(input, { user }) {
    const contact = await deleteContact(db, input, actor(user));
    refresh();
    return contact;
  },
  message: (contact) => `Removed ${contact.name}.`,
});

export const createTeamAction = defineAction({
  name: "people.create-team",
  role: "admin",
  input: newTeamSchema,
  async run(input, { user }) {
    const team = await createTeam(db, input, actor(user));
    refresh();
    return team;
  },
  message: (team) => `Created ${team.name}.`,
});

export const renameTeamAction = defineAction({
  name: "people.rename-team",
  role: "admin",
  input: teamRenameSchema,
  async run(input, { user }) {
    const team = await renameTeam(db, input, actor(user));
    refresh();
    return team;
  },
  message: (team) => `Renamed to ${team.name}.`,
});

export const deleteTeamAction = defineAction({
  name: "people.delete-team",
  role: "admin",
  input: teamRefSchema,
  async run(input, { user }) {
    const team = await deleteTeam(db, input, actor(user));
    refresh();
    return team;
  },
  message: (team) => `Deleted ${team.name}.`,
});

export const addTeamMemberAction = defineAction({
  name: "people.add-member",
  role: "admin",
  input: membershipSchema,
  async run(input, { user }) {
    const { team, contact } = await addTeamMember(db, input, actor(user));
    refresh();
    return { team: team.name, contact: contact.name };
  },
  message: ({ team, contact }) => `${contact} is on ${team}.`,
});

export const removeTeamMemberAction = defineAction({
  name: "people.remove-member",
  role: "admin",
  input: membershipSchema,
  async run(input, { user }) {
    const { team, contact } = await removeTeamMember(db, input, actor(user));
    refresh();
    return { team: team.name, contact: contact.name };
  },
  message: ({ team, contact }) => `${contact} left ${team}.`,
});

export const setTeamLeadAction = defineAction({
  name: "people.set-lead",
  role: "admin",
  input: membershipSchema,
  async run(input, { user }) {
    const { team, contact } = await setTeamLead(db, input, actor(user));
    refresh();
    return { team: team.name, contact: contact.name };
  },
  message: ({ team, contact }) => `${contact} leads ${team}.`,
});

export const saveEscalationPolicyAction = defineAction({
  name: "people.save-policy",
  role: "admin",
  input: policyInputSchema,
  async run(input, { user }) {
    const team = await saveEscalationPolicy(db, input, actor(user));
    refresh();
    return { name: team.name };
  },
  message: (team) => `Escalation policy of ${team.name} saved.`,
});

export const saveSeverityAudienceAction = defineAction({
  name: "people.save-audience",
  role: "admin",
  input: audienceSchema,
  async run(input, { user }) {
    const severity = await saveSeverityAudience(db, input, actor(user));
    refresh();
    return { key: severity.key };
  },
  message: (severity) => `Saved who ${severity.key} incidents page.`,
});
