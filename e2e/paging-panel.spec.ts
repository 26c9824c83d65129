import { expect, test } from "./fixtures";
import { submitServerAction } from "./support/actions";
import { demoUser, storageStatePath } from "./support/auth";
import { declareIncident, emergencyContact, pageRows, teamLead } from "./support/paging";

// The incident page's paging panel: every page with its step, status, attempts and provider id,
// following the pages live, and the acknowledgement however it came.

test.use({ storageState: storageStatePath("admin") });

test("the panel lists each page as it is handed over, shows a provider's refusal live, and the app's acknowledgement", async ({ page, db, uniqueName }) => {
  const incident = await declareIncident(page, db, uniqueName("Privacy manager down"), "critical");
  const jane = await emergencyContact(db, "secondary");
  const lead = await teamLead(db, "infrastructure");

  // The summary opens onto every page and its attempts.
  await page.getByTestId("page-details").getByText(/Every page and attempt/).click();
  const janeSms = pageRows(page, jane.name, "sms");
  await expect(janeSms).toHaveAttribute("data-status", "sent", { timeout: 15_000 });
  await expect(janeSms).toContainText("SMS");
  await expect(janeSms).toContainText(jane.phone);
  await expect(janeSms).toContainText("Severity audience");
  await expect(janeSms).toContainText("step 1");
  await expect(janeSms.getByRole("cell").nth(5)).toHaveText("1"); // attempts
  await expect(janeSms).toContainText("outbox-");
  await expect(pageRows(page, lead.name, "email")).toContainText("Infrastructure · step 1");

  await expect(page.getByTestId("paging-acknowledgement")).toHaveAttribute("data-state", "unacknowledged");
  await expect(page.locator('[data-testid="escalation"]').filter({ hasText: "Infrastructure" })).toHaveAttribute("data-status", "active");
  await expect(page.locator('[data-testid="escalation"]').filter({ hasText: "Severity audience" })).toHaveAttribute("data-status", "exhausted");
  await expect(page.locator('[data-testid="timeline-event"][data-kind="paged"]').filter({ hasText: "Severity audience" })).toContainText(jane.name);

  // A delivery failure reported later by the provider (as its status callback would record it) shows without a reload.
  const leadSms = pageRows(page, lead.name, "sms");
  await expect(leadSms).toHaveAttribute("data-status", "sent", { timeout: 15_000 });
  const reason = "Twilio 30006: Landline or unreachable carrier";
  await db.query(
    `UPDATE "Page" SET status = 'failed', error = $3, "failedAt" = now()
      WHERE "incidentId" = $1 AND "recipientName" = $2 AND channel = 'sms' AND kind = 'incident'`,
    [incident.id, lead.name, reason],
  );
  await db.query(`SELECT pg_notify('firebreak_changes', json_build_object('topic', 'incident', 'id', $1::text)::text)`, [incident.id]);
  await expect(leadSms).toHaveAttribute("data-status", "failed");
  await expect(leadSms.getByTestId("page-error")).toHaveText(reason);

  await submitServerAction(page, () => page.getByTestId("acknowledge-form").getByRole("button", { name: "Acknowledge" }).click());
  const admin = demoUser("admin");
  await expect(page.getByTestId("paging-acknowledgement")).toContainText(`Acknowledged by ${admin.name} in the app at`);
  await expect(page.locator('[data-testid="escalation"][data-status="active"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="escalation"]').filter({ hasText: "Infrastructure" })).toHaveAttribute("data-status", "acknowledged");
  await expect(page.locator('[data-testid="timeline-event"][data-kind="acknowledged"]')).toContainText(`${admin.name} acknowledged in the app`);
});
