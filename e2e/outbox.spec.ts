import { expect, test } from "./fixtures";
import { captureAction, submitServerAction, withFields } from "./support/actions";
import { storageStatePath } from "./support/auth";
import type { TestDatabase } from "./support/database";
import { declareIncident, emergencyContact, openOutboxWith, outboxMessage, pageRows, teamLead } from "./support/paging";

// The whole paging loop without provider credentials: pages land in the dev outbox, where the
// SMS reply and the email's acknowledge link are exercised by hand.

test.use({ storageState: storageStatePath("admin") });

const FORBIDDEN = "You do not have permission to do that.";

async function incidentStatus(db: TestDatabase, id: string): Promise<string> {
  return (await db.query<{ status: string }>(`SELECT status::text AS status FROM "Incident" WHERE id = $1`, [id]))[0]!.status;
}

test("a critical incident pages everyone, and a reply ACK from the outbox acknowledges it", async ({ page, db, uniqueName }) => {
  const title = uniqueName("Bridge withdrawals failing");
  const incident = await declareIncident(page, db, title, "critical");
  const contacts = await Promise.all([emergencyContact(db, "primary"), emergencyContact(db, "secondary"), emergencyContact(db, "security")]);
  const lead = await teamLead(db, "infrastructure");

  // Everyone is paged on both channels, and each page is handed to the outbox.
  for (const person of [...contacts, lead]) {
    for (const channel of ["sms", "email"] as const) {
      const row = pageRows(page, person.name, channel);
      await expect(row).toHaveCount(1);
      await expect(row).toHaveAttribute("data-status", "sent", { timeout: 15_000 });
      await expect(row).toContainText("outbox-");
    }
  }
  await expect(page.getByTestId("paging-acknowledgement")).toContainText("Not acknowledged — escalation running: next step 2 of");

  const jane = contacts[1];
  const sms = outboxMessage(page, { incident, channel: "sms", kind: "incident", to: jane.phone });
  await openOutboxWith(page, sms);
  await expect(page.getByTestId("outbox-notice")).toContainText("No SMS/email provider is configured: pages are kept here instead of being sent.");
  await expect(page.getByTestId("outbox-mode-sms")).toHaveAttribute("data-provider", "outbox");
  await expect(sms).toContainText(title);
  await expect(sms).toContainText(`Reply ACK ${incident.number} to acknowledge`);

  await submitServerAction(page, () => sms.getByRole("button", { name: `Reply ACK ${incident.number}` }).click());
  await expect(sms.getByTestId("outbox-ack-form-status")).toHaveText(`Acknowledged ${incident.reference}`);

  // The confirmation goes back to the same phone, through the outbox too.
  const confirmation = outboxMessage(page, { incident, channel: "sms", kind: "confirmation", to: jane.phone });
  await openOutboxWith(page, confirmation);
  await expect(confirmation).toContainText(`Acknowledged ${incident.reference}: ${title}. Escalation stopped. Thank you.`);

  await page.goto(`/incidents/${incident.id}`);
  await expect(page.getByTestId("status-badge").first()).toHaveText("acknowledged");
  await expect(page.getByTestId("paging-acknowledgement")).toContainText(`Acknowledged by ${jane.name} via SMS reply at`);
  await expect(page.locator('[data-testid="timeline-event"][data-kind="acknowledged"]')).toContainText(`${jane.name} acknowledged via SMS reply`);
  await expect(pageRows(page, jane.name, "sms").getByTestId("page-acknowledged")).toContainText("Acknowledged via SMS reply");
  await expect(page.locator('[data-testid="escalation"][data-status="active"]')).toHaveCount(0);
  expect(await incidentStatus(db, incident.id)).toBe("acknowledged");
});

test("the email's link acknowledges once, signed out, and says so when opened again", async ({ page, browser, db, uniqueName }) => {
  const title = uniqueName("Validator offline");
  const incident = await declareIncident(page, db, title, "critical");
  const john = await emergencyContact(db, "primary");
  const email = outboxMessage(page, { incident, channel: "email", kind: "incident", to: john.email });
  await openOutboxWith(page, email);
  await expect(email.getByTestId("outbox-subject")).toHaveText(`[critical] ${incident.reference} ${title}`);
  const href = await email.getByRole("link", { name: /\/ack\// }).getAttribute("href");
  // The link carries the server's public URL; the test server answers on its own address.
  const path = new URL(href!).pathname;
  expect(path).toMatch(/^\/ack\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);

  const phone = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const signedOut = await phone.newPage();
    await signedOut.goto(path);
    await expect(signedOut).toHaveURL((url) => url.pathname === path);
    const card = signedOut.getByTestId("ack-link");
    await expect(card).toHaveAttribute("data-state", "ready");
    await expect(signedOut.getByTestId("ack-link-title")).toHaveText(title);
    await expect(card).toContainText(`Page for ${john.name}`);
    // Opening the link (as a mail scanner would) changed nothing.
    expect(await incidentStatus(db, incident.id)).toBe("declared");

    await submitServerAction(signedOut, () => signedOut.getByRole("button", { name: `Acknowledge ${incident.reference}` }).click());
    await expect(signedOut.getByTestId("ack-link-done")).toHaveText(`Acknowledged ${incident.reference}: ${title}. Escalation stopped. Thank you.`);
    expect(await incidentStatus(db, incident.id)).toBe("acknowledged");

    await signedOut.goto(path);
    await expect(card).toHaveAttribute("data-state", "used");
    await expect(card).toContainText("This link was already used");
    await expect(signedOut.getByRole("button", { name: /Acknowledge/ })).toHaveCount(0);

    await signedOut.goto("/ack/not-a.valid-token");
    await expect(card).toHaveAttribute("data-state", "invalid");
  } finally {
    await phone.close();
  }

  await page.goto(`/incidents/${incident.id}`);
  await expect(page.getByTestId("paging-acknowledgement")).toContainText(`Acknowledged by ${john.name} via the email link at`);
});

test("a viewer does not see the outbox (its pages carry acknowledge links) and cannot reply, even by calling the action directly", async ({ page, browser, db, uniqueName }) => {
  const incident = await declareIncident(page, db, uniqueName("Monitoring gap"), "critical");
  const jane = await emergencyContact(db, "secondary");
  const sms = outboxMessage(page, { incident, channel: "sms", kind: "incident", to: jane.phone });
  await openOutboxWith(page, sms);

  // A harmless reply, captured to be replayed: it only earns the "how to acknowledge" answer.
  const form = sms.getByTestId("outbox-reply-form");
  await form.getByLabel("Reply as this phone").fill("on my way");
  const { request } = await submitServerAction(page, () => form.getByRole("button", { name: "Send reply" }).click());
  await expect(form.getByTestId("outbox-reply-form-status")).toContainText("reply ACK to acknowledge");
  const acknowledge = withFields(await captureAction(request), { body: `ACK ${incident.number}` });

  const viewer = await browser.newContext({ storageState: storageStatePath("viewer") });
  try {
    const viewerPage = await viewer.newPage();
    await viewerPage.goto("/outbox");
    await expect(viewerPage.getByText("Only responders and up see the dev outbox.")).toBeVisible();
    await expect(outboxMessage(viewerPage, { incident, channel: "sms", kind: "incident", to: jane.phone })).toHaveCount(0);
    await expect(viewerPage.getByRole("link", { name: "Dev outbox" })).toHaveCount(0);

    const response = await viewer.request.post(acknowledge.url, { headers: acknowledge.headers, data: acknowledge.body, maxRedirects: 0 });
    const text = await response.text();
    expect(text).toContain(FORBIDDEN);
    expect(text).not.toContain('"ok":true');
  } finally {
    await viewer.close();
  }
  expect(await incidentStatus(db, incident.id)).toBe("declared");

  // The control: the same request from the admin acknowledges, so the refusal was the role check.
  const response = await page.request.post(acknowledge.url, { headers: acknowledge.headers, data: acknowledge.body, maxRedirects: 0 });
  expect(await response.text()).toContain(`Acknowledged ${incident.reference}`);
  expect(await incidentStatus(db, incident.id)).toBe("acknowledged");
});
