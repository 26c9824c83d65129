import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { captureAction, submitServerAction, withFields, type CapturedAction } from "./support/actions";
import { demoUser, storageStatePath } from "./support/auth";
import type { TestDatabase } from "./support/database";
import { declareIncident, emergencyContact } from "./support/paging";

// People, teams and escalation policies as an admin edits them, and the server's refusal of
// everyone else. What a test creates it removes, so the plan's three teams stay as other specs expect.

test.use({ storageState: storageStatePath("admin") });

const FORBIDDEN = "You do not have permission to do that.";

interface NewContact {
  name: string;
  email: string;
  phone: string;
}

function newContact(uniqueName: (prefix: string) => string): NewContact {
  const label = uniqueName("e2e-contact");
  return { name: `Contact ${label.slice(-8)}`, email: `${label}@example.test`, phone: "+1 555-010-0199" };
}

async function fillContact(page: Page, contact: NewContact) {
  await page.getByTestId("add-contact").locator("summary").click();
  const form = page.getByTestId("create-contact-form");
  await form.getByLabel("Name", { exact: true }).fill(contact.name);
  await form.getByLabel("Email", { exact: true }).fill(contact.email);
  await form.getByLabel("Phone", { exact: true }).fill(contact.phone);
  await expect(form.getByLabel("By SMS")).toBeChecked();
  await expect(form.getByLabel("By email")).toBeChecked();
  return form;
}

async function removeCreated(db: TestDatabase, { teamKeys = [], emails = [] }: { teamKeys?: string[]; emails?: string[] }) {
  await db.query(`DELETE FROM "Team" WHERE key = ANY($1::text[])`, [teamKeys]);
  await db.query(`DELETE FROM "Contact" WHERE email = ANY($1::text[])`, [emails]);
}

async function contactByEmail(db: TestDatabase, email: string) {
  const [row] = await db.query<{ id: string; name: string; phone: string | null; acceptsSms: boolean; acceptsEmail: boolean }>(
    `SELECT id, name, phone, "acceptsSms", "acceptsEmail" FROM "Contact" WHERE email = $1`,
    [email],
  );
  return row ?? null;
}

test("an admin adds a contact with a phone, puts them on a new team as lead, and edits a step of its policy", async ({ page, db, uniqueName }) => {
  const teamKey = uniqueName("e2e-team");
  const teamName = `Team ${teamKey.slice(-8)}`;
  const contact = newContact(uniqueName);
  try {
    await page.goto("/teams");
    await page.getByTestId("add-team").locator("summary").click();
    const teamForm = page.getByTestId("create-team-form");
    await teamForm.getByLabel("Key").fill(teamKey);
    await teamForm.getByLabel("Name").fill(teamName);
    await submitServerAction(page, () => teamForm.getByRole("button", { name: "Add team" }).click());
    await expect(page.getByTestId("create-team-form-status")).toHaveText(`Created ${teamName}.`);

    const form = await fillContact(page, contact);
    await submitServerAction(page, () => form.getByRole("button", { name: "Add contact" }).click());
    await expect(page.getByTestId("create-contact-form-status")).toHaveText(`Added ${contact.name}.`);
    const person = page.getByTestId(`person-${contact.email}`);
    await expect(person).toContainText("+15550100199");
    await expect(person.getByTestId("channels")).toHaveText("SMS · Email");
    const stored = await contactByEmail(db, contact.email);
    expect(stored).toMatchObject({ name: contact.name, phone: "+15550100199", acceptsSms: true, acceptsEmail: true });
    expect(await db.countAuditEntries({ action: "contact.created", targetId: stored!.id, actorLabel: demoUser("admin").email })).toBe(1);

    await page.getByTestId(`team-${teamKey}`).getByRole("link", { name: teamName }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(teamName);
    const addMember = page.getByTestId("add-member-form");
    await addMember.getByLabel("Person").selectOption({ label: `${contact.name} (${contact.email})` });
    await submitServerAction(page, () => addMember.getByRole("button", { name: "Add to team" }).click());
    const member = page.getByTestId(`member-${contact.email}`);
    await expect(member).toContainText(contact.name);
    await expect(member.getByRole("link", { name: "+15550100199" })).toHaveAttribute("href", "tel:+15550100199");
    await expect(member.getByTestId("lead-badge")).toHaveCount(0);
    await submitServerAction(page, () => page.getByTestId(`make-lead-${contact.email}`).getByRole("button", { name: "Make lead" }).click());
    await expect(page.getByTestId(`member-${contact.email}`).getByTestId("lead-badge")).toHaveText("Lead");

    // A new team starts from the plan's chain: the team at once, then the emergency contacts.
    const steps = page.getByTestId("policy-summary").getByTestId("policy-step");
    await expect(steps.first()).toHaveText("At once: team lead, all members");
    await expect(steps.nth(1)).toHaveText("5 minutes later: John Doe");

    await page.getByTestId("edit-policy").locator("summary").click();
    const step = page.getByTestId("policy-step-1");
    await step.getByLabel("Minutes after the previous step").fill("7");
    await step.getByLabel("Contacts").selectOption({ label: `${contact.name} (${contact.email})` });
    await step.getByLabel("Team lead").check();
    await submitServerAction(page, () => page.getByTestId("policy-form").getByRole("button", { name: "Save policy" }).click());
    await expect(page.getByTestId("policy-form-status")).toHaveText(`Escalation policy of ${teamName} saved.`);

    await page.reload();
    await expect(steps.nth(1)).toHaveText(`7 minutes later: team lead, ${contact.name}`);
    const [policy] = await db.query<{ steps: { afterMinutes: number; targets: unknown[] }[] }>(
      `SELECT p.steps FROM "EscalationPolicy" p JOIN "Team" t ON t.id = p."teamId" WHERE t.key = $1`,
      [teamKey],
    );
    expect(policy!.steps[1]).toEqual({ afterMinutes: 7, targets: [{ type: "team_lead" }, { type: "contact", contactId: stored!.id }] });
  } finally {
    await removeCreated(db, { teamKeys: [teamKey], emails: [contact.email] });
  }
});

test("an invalid phone is refused on the phone field and creates nobody", async ({ page, db, uniqueName }) => {
  const contact = { ...newContact(uniqueName), phone: "555-0100" };
  await page.goto("/teams");
  const form = await fillContact(page, contact);
  await submitServerAction(page, () => form.getByRole("button", { name: "Add contact" }).click());

  await expect(form.getByTestId("phone-error")).toHaveText('Phone must be an international phone number: "+" then 8 to 15 digits, e.g. "+1-234-567-8900"');
  await expect(form.getByLabel("Phone", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("create-contact-form-status")).toHaveText("Some fields need attention.");
  // What was typed is kept for correcting.
  await expect(form.getByLabel("Email", { exact: true })).toHaveValue(contact.email);
  expect(await contactByEmail(db, contact.email)).toBeNull();
  await expect(page.getByTestId(`person-${contact.email}`)).toHaveCount(0);
});

function replay(request: APIRequestContext, action: CapturedAction) {
  return request.post(action.url, { headers: action.headers, data: action.body, maxRedirects: 0 });
}

async function asViewer<T>(browser: Browser, work: (request: APIRequestContext) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ storageState: storageStatePath("viewer") });
  try {
    return await work(context.request);
  } finally {
    await context.close();
  }
}

test("a viewer replaying the admin's create-contact action is refused by the server", async ({ page, browser, db, uniqueName }) => {
  const template = newContact(uniqueName);
  const intruder = newContact(uniqueName);
  const control = newContact(uniqueName);
  try {
    await page.goto("/teams");
    const form = await fillContact(page, template);
    const { request } = await submitServerAction(page, () => form.getByRole("button", { name: "Add contact" }).click());
    await expect(page.getByTestId("create-contact-form-status")).toHaveText(`Added ${template.name}.`);
    const captured = await captureAction(request);

    const text = await asViewer(browser, async (viewer) => (await replay(viewer, withFields(captured, { name: intruder.name, email: intruder.email }))).text());
    expect(text).toContain(FORBIDDEN);
    expect(text).not.toContain('"ok":true');
    expect(await contactByEmail(db, intruder.email)).toBeNull();
    expect(await db.countAuditEntries({ actorLabel: demoUser("viewer").email })).toBe(0);

    // The same replay with the admin's cookies works: the refusal above is the role check, not a broken request.
    const response = await replay(page.request, withFields(captured, { name: control.name, email: control.email }));
    expect(await response.text()).toContain(`Added ${control.name}.`);
    expect(await contactByEmail(db, control.email)).not.toBeNull();
  } finally {
    await removeCreated(db, { emails: [template.email, intruder.email, control.email] });
  }
});

test.describe("who each severity pages", () => {
  test("an admin changes a severity's audience, and the page says what it now pages", async ({ page, db }) => {
    const original = await db.query<{ teamId: string }>(
      `SELECT a."teamId" FROM "SeverityAudienceTeam" a JOIN "SeverityLevel" s ON s.id = a."severityId" WHERE s.key = 'low'`,
    );
    try {
      await page.goto("/settings/paging");
      const low = page.getByTestId("audience-low");
      await expect(low.getByTestId("notification-line")).toHaveText("System administrator");
      await expect(low.getByTestId("audience-summary")).toHaveText("Pages Infrastructure team, plus the affected systems' owning teams.");

      await low.locator("summary").click();
      const form = page.getByTestId("audience-form-low");
      await form.getByRole("checkbox", { name: "Infrastructure", exact: true }).uncheck();
      await form.getByRole("checkbox", { name: "Security", exact: true }).check();
      await submitServerAction(page, () => form.getByRole("button", { name: "Save low audience" }).click());
      await expect(page.getByTestId("audience-form-low-status")).toHaveText("Saved who low incidents page.");

      await page.reload();
      await expect(page.getByTestId("audience-low").getByTestId("audience-summary")).toHaveText("Pages Security team, plus the affected systems' owning teams.");
      await expect(page.getByTestId("audience-low")).toContainText(`Set by ${demoUser("admin").email}.`);
    } finally {
      await db.query(`DELETE FROM "SeverityAudienceTeam" WHERE "severityId" = (SELECT id FROM "SeverityLevel" WHERE key = 'low')`);
      for (const { teamId } of original) {
        await db.query(`INSERT INTO "SeverityAudienceTeam" ("severityId", "teamId") SELECT id, $1 FROM "SeverityLevel" WHERE key = 'low'`, [teamId]);
      }
    }
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("people, teams, policies and audiences are shown read-only", async ({ page }) => {
    await page.goto("/teams");
    // Names and how they are reached, not their addresses.
    await expect(page.getByTestId("people")).toContainText("John Doe");
    await expect(page.getByTestId("people")).not.toContainText("cto@chain138.com");
    await expect(page.getByTestId("add-contact")).toHaveCount(0);
    await expect(page.getByTestId("add-team")).toHaveCount(0);
    await expect(page.getByText("Only admins change people, teams and escalation policies.")).toBeVisible();

    await page.goto("/teams/blockchain");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Blockchain");
    await expect(page.getByTestId("policy-summary").getByTestId("policy-step")).toHaveCount(4);
    await expect(page.getByTestId("edit-policy")).toHaveCount(0);
    await expect(page.getByTestId("add-member-form")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Make lead" })).toHaveCount(0);

    await page.goto("/settings/paging");
    await expect(page.getByTestId("audience-critical").getByTestId("notification-line")).toHaveText("All stakeholders");
    await expect(page.getByTestId("paging-explainer")).toContainText("always the teams that own the affected systems");
    await expect(page.getByTestId("paging-explainer")).toContainText("Only admins change who is paged.");
    await expect(page.locator("[data-testid^=audience-form-]")).toHaveCount(0);
  });
});

test("a viewer sees who is on call and how they are reached, never their numbers or addresses", async ({ page, browser, db, uniqueName }) => {
  const cto = await emergencyContact(db, "primary");
  const title = uniqueName("Privacy check");
  const incident = await declareIncident(page, db, title, "critical");
  const viewer = await browser.newContext({ storageState: storageStatePath("viewer") });
  try {
    const viewerPage = await viewer.newPage();
    await viewerPage.goto("/teams");
    const card = viewerPage.getByTestId("emergency-contacts").getByRole("listitem").filter({ hasText: cto.name });
    await expect(card).toContainText("(hidden from viewers)");
    await expect(card).toContainText("SMS");
    expect(await viewerPage.content()).not.toContain(cto.phone);
    expect(await viewerPage.content()).not.toContain(cto.email);

    await viewerPage.goto(`/incidents/${incident.id}`);
    await expect(viewerPage.getByRole("heading", { level: 1 })).toHaveText(title);
    expect(await viewerPage.content()).not.toContain(cto.phone);
    const paging = await (await viewer.request.get(`/api/incidents/${incident.id}/paging`)).json();
    expect(paging.pages.length).toBeGreaterThan(0);
    expect(paging.pages.every((row: { recipient: string }) => row.recipient === "(hidden from viewers)")).toBe(true);
  } finally {
    await viewer.close();
  }
  // A responder or more sees them.
  await page.goto("/teams");
  await expect(page.getByTestId("emergency-contacts").getByRole("link", { name: cto.phone })).toBeVisible();
});
