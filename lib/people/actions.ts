"use server";

import { defineAction } from "@/lib/actions/define-action";
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

// People and routing are settings: only admins change them. Each change is published as a
// "settings" change, which renders again whichever page shows it (teams show on the overview and
// the incident filters too).

export const createContactAction = defineAction({
  name: "people.create-contact",
  role: "admin",
  input: newContactSchema,
  run: (input, { user }) => createContact(db, input, user),
  message: (contact) => `Added ${contact.name}.`,
});

export const updateContactAction = defineAction({
  name: "people.update-contact",
  role: "admin",
  input: contactUpdateSchema,
  run: (input, { user }) => updateContact(db, input, user),
  message: (contact) => `Saved ${contact.name}.`,
});

export const deleteContactAction = defineAction({
  name: "people.delete-contact",
  role: "admin",
  input: contactRefSchema,
  run: (input, { user }) => deleteContact(db, input, user),
  message: (contact) => `Removed ${contact.name}.`,
});

export const createTeamAction = defineAction({
  name: "people.create-team",
  role: "admin",
  input: newTeamSchema,
  run: (input, { user }) => createTeam(db, input, user),
  message: (team) => `Created ${team.name}.`,
});

export const renameTeamAction = defineAction({
  name: "people.rename-team",
  role: "admin",
  input: teamRenameSchema,
  run: (input, { user }) => renameTeam(db, input, user),
  message: (team) => `Renamed to ${team.name}.`,
});

export const deleteTeamAction = defineAction({
  name: "people.delete-team",
  role: "admin",
  input: teamRefSchema,
  run: (input, { user }) => deleteTeam(db, input, user),
  message: (team) => `Deleted ${team.name}.`,
});

export const addTeamMemberAction = defineAction({
  name: "people.add-member",
  role: "admin",
  input: membershipSchema,
  async run(input, { user }) {
    const { team, contact } = await addTeamMember(db, input, user);
    return { team: team.name, contact: contact.name };
  },
  message: ({ team, contact }) => `${contact} is on ${team}.`,
});

export const removeTeamMemberAction = defineAction({
  name: "people.remove-member",
  role: "admin",
  input: membershipSchema,
  async run(input, { user }) {
    const { team, contact } = await removeTeamMember(db, input, user);
    return { team: team.name, contact: contact.name };
  },
  message: ({ team, contact }) => `${contact} left ${team}.`,
});

export const setTeamLeadAction = defineAction({
  name: "people.set-lead",
  role: "admin",
  input: membershipSchema,
  async run(input, { user }) {
    const { team, contact } = await setTeamLead(db, input, user);
    return { team: team.name, contact: contact.name };
  },
  message: ({ team, contact }) => `${contact} leads ${team}.`,
});

export const saveEscalationPolicyAction = defineAction({
  name: "people.save-policy",
  role: "admin",
  input: policyInputSchema,
  async run(input, { user }) {
    const team = await saveEscalationPolicy(db, input, user);
    return { name: team.name };
  },
  message: (team) => `Escalation policy of ${team.name} saved.`,
});

export const saveSeverityAudienceAction = defineAction({
  name: "people.save-audience",
  role: "admin",
  input: audienceSchema,
  async run(input, { user }) {
    const severity = await saveSeverityAudience(db, input, user);
    return { key: severity.key };
  },
  message: (severity) => `Saved who ${severity.key} incidents page.`,
});
