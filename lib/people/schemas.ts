import { z } from "zod";
import { escalationPolicySchema } from "@/lib/people/escalation-policy";
import { policyFieldLabel, policyFromForm } from "./policy-form";
import { phoneNumber } from "./phone";

// A form sends "" for an empty field, nothing for an unticked box, and one value for a one-item multi-select.
const blankToNull = (value: unknown) => (value === undefined || (typeof value === "string" && value.trim() === "") ? null : value);
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());
const ids = (message: string) =>
  z.preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(z.uuid(message)));
const text = (label: string, max: number) =>
  z.string(`${label} is required`).trim().min(1, `${label} is required`).max(max, `${label} must be at most ${max} characters`);

export const contactIdSchema = z.uuid("Contact must be an existing contact");
export const teamIdSchema = z.uuid("Team must be an existing team");

const contactFields = {
  name: text("Name", 120),
  title: z.preprocess(blankToNull, z.string().trim().max(120, "Title must be at most 120 characters").nullable()),
  email: z.string("Email is required").trim().pipe(z.email("Email must be an email address")).transform((value) => value.toLowerCase()),
  phone: z.preprocess(blankToNull, phoneNumber("Phone").nullable()),
  acceptsSms: checkbox,
  acceptsEmail: checkbox,
};

// A contact must be reachable: at least one channel, and SMS only with a phone number.
function reachable(contact: { phone: string | null; acceptsSms: boolean; acceptsEmail: boolean }, ctx: z.RefinementCtx) {
  if (contact.acceptsSms && !contact.phone) {
    ctx.addIssue({ code: "custom", path: ["phone"], message: "Phone is required to accept SMS: enter a number or untick SMS" });
  }
  if (!contact.acceptsSms && !contact.acceptsEmail) {
    ctx.addIssue({ code: "custom", path: ["channels"], message: "Channels: tick SMS or email, at least one" });
  }
}

export const newContactSchema = z.object(contactFields).superRefine(reachable);
export const contactUpdateSchema = z.object({ contactId: contactIdSchema, ...contactFields }).superRefine(reachable);
export const contactRefSchema = z.object({ contactId: contactIdSchema });

const teamKey = z
  .string("Key is required")
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_-]*$/, "Key must be lowercase letters, digits, '-' or '_', starting with a letter")
  .max(40, "Key must be at most 40 characters");

export const newTeamSchema = z.object({ key: teamKey, name: text("Name", 80) });
export const teamRenameSchema = z.object({ teamId: teamIdSchema, name: text("Name", 80) });
export const teamRefSchema = z.object({ teamId: teamIdSchema });
export const membershipSchema = z.object({ teamId: teamIdSchema, contactId: z.uuid("Contact: choose a person") });

export const audienceSchema = z.object({
  severityId: z.uuid("Severity must be a configured severity level"),
  teamIds: ids("Teams: choose existing teams"),
  contactIds: ids("Contacts: choose existing contacts"),
});

/** A team's escalation policy, from the editor's form fields or as an object; messages name the step and field. */
export const policyInputSchema = z.preprocess(
  policyFromForm,
  z.object({ teamId: teamIdSchema, repeatCount: z.unknown(), steps: z.unknown() }).transform((input, ctx) => {
    const parsed = escalationPolicySchema.safeParse({ repeatCount: input.repeatCount, steps: input.steps });
    if (parsed.success) return { teamId: input.teamId, ...parsed.data };
    for (const issue of parsed.error.issues) {
      // A target's own problem is shown on the step's targets, where the editor has its controls.
      const path = issue.path[0] === "steps" && issue.path.length > 3 ? issue.path.slice(0, 3) : issue.path;
      const rule = issue.code === "invalid_type" ? "must be a number" : issue.message;
      ctx.addIssue({ code: "custom", path: path as PropertyKey[], message: `${policyFieldLabel(path)} ${rule}` });
    }
    return z.NEVER;
  }),
);

// What a correct caller passes; the functions that take these parse them again, so a wrong one is refused.
export type NewContact = z.output<typeof newContactSchema>;
export type ContactUpdate = z.output<typeof contactUpdateSchema>;
export type NewTeam = z.output<typeof newTeamSchema>;
export type Membership = z.output<typeof membershipSchema>;
export type AudienceInput = z.output<typeof audienceSchema>;
export type PolicyInput = z.output<typeof policyInputSchema>;
