import { expect, test } from "./fixtures";
import { submitServerAction } from "./support/actions";
import { storageStatePath } from "./support/auth";
import type { TestDatabase } from "./support/database";

// Notification templates: edited with a live preview against a real incident, refused with a
// named error when a placeholder is unknown, and saved only when valid.

async function savedTemplate(db: TestDatabase, kind: string, channel: string) {
  const [row] = await db.query<{ subject: string | null; body: string }>(
    `SELECT subject, body FROM "NotificationTemplate" WHERE kind = $1::"TemplateKind" AND channel = $2::"Channel"`,
    [kind, channel],
  );
  return row ?? null;
}

/** The incidents the preview offers first: the most recent. */
async function recentIncidents(db: TestDatabase) {
  const rows = await db.query<{ id: string; number: number; title: string; severity: string }>(
    `SELECT i.id, i.number, i.title, s.key AS severity FROM "Incident" i JOIN "SeverityLevel" s ON s.id = i."severityId"
      ORDER BY i."declaredAt" DESC, i.number DESC LIMIT 2`,
  );
  expect(rows, "the e2e server seeds the demo history").toHaveLength(2);
  return rows as [(typeof rows)[0], (typeof rows)[0]];
}

test.describe("an admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  // Whatever happens above, later specs find the plan's SMS template again.
  test.afterEach(async ({ db }) => {
    await db.query(`DELETE FROM "NotificationTemplate" WHERE kind = 'incident' AND channel = 'sms'`);
  });

  test("cannot save an unknown placeholder; a valid edit shows in the live preview and persists", async ({ page, db }) => {
    const [latest, previous] = await recentIncidents(db);
    await page.goto("/settings");
    await page.getByRole("link", { name: "Notification templates" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/settings/templates");
    await expect(page.getByRole("heading", { level: 1, name: "Notification templates" })).toBeVisible();
    await expect(page.getByTestId("preview-incident")).toHaveValue(latest.id);

    const editor = page.getByTestId("template-editor-incident-sms");
    const body = editor.getByLabel("Body");
    const preview = page.getByTestId("template-preview-incident-sms-body");
    const original = await body.inputValue();
    expect(original).toContain("Reply ACK {{ackCode}} to acknowledge");
    await expect(preview).toContainText(`Incident INC-${latest.number} (${latest.severity}): ${latest.title}`);
    expect(await savedTemplate(db, "incident", "sms")).toBeNull();

    // Unknown: flagged as typed, and refused by the server with the field's error naming it.
    await body.fill("Incident {{reference}} is {{sevrity}}");
    await expect(preview.getByTestId("unknown-placeholder")).toHaveText("{{sevrity}}");
    await expect(editor.getByTestId("body-error")).toContainText("Unknown placeholder {{sevrity}}");
    await submitServerAction(page, () => editor.getByRole("button", { name: "Save template" }).click());
    await expect(page.getByTestId("template-editor-incident-sms-status")).toHaveText("Some fields need attention.");
    await expect(editor.getByTestId("body-error")).toContainText("Unknown placeholder {{sevrity}}; use one of: severity, timestamp");
    expect(await savedTemplate(db, "incident", "sms")).toBeNull();
    await page.reload();
    await expect(body).toHaveValue(original);

    // The segment counter follows the rendered text.
    const segments = page.getByTestId("sms-segments-incident");
    await body.fill("a".repeat(160));
    await expect(segments).toHaveText(/^160 characters · 1 segment · GSM-7/);
    await body.fill("a".repeat(161));
    await expect(segments).toHaveText(/^161 characters · 2 segments · GSM-7/);
    await body.fill(`🔥${"a".repeat(69)}`);
    await expect(segments).toHaveText(/^71 characters · 2 segments · UCS-2/);

    // Valid: previewed with the chosen incident as typed, then saved.
    const text = "Page {{reference}} ({{ severity }}): {{title}}";
    await body.fill(text);
    await expect(preview).toHaveText(`Page INC-${latest.number} (${latest.severity}): ${latest.title}`);
    await expect(editor.getByTestId("body-error")).toHaveCount(0);
    await submitServerAction(page, () => editor.getByRole("button", { name: "Save template" }).click());
    await expect(page.getByTestId("template-editor-incident-sms-status")).toHaveText("Template saved.");
    expect(await savedTemplate(db, "incident", "sms")).toEqual({ subject: null, body: text });
    expect(await db.countAuditEntries({ action: "template.updated", targetId: "incident.sms" })).toBeGreaterThan(0);

    await page.reload();
    await expect(body).toHaveValue(text);
    await expect(page.getByTestId("template-state-incident-sms")).toContainText("Customised");

    // Another incident: the preview follows the URL.
    await page.getByTestId("preview-incident").selectOption(previous.id);
    await expect(page).toHaveURL((url) => url.searchParams.get("incident") === previous.id);
    await expect(preview).toHaveText(`Page INC-${previous.number} (${previous.severity}): ${previous.title}`);

    // Back to the plan's text.
    await submitServerAction(page, () => page.getByTestId("template-reset-incident-sms").getByRole("button", { name: "Use the plan's text" }).click());
    await expect(body).toHaveValue(original);
    await expect(page.getByTestId("template-state-incident-sms")).toHaveText("The plan's text");
    expect(await savedTemplate(db, "incident", "sms")).toBeNull();
  });

  test("an email template needs a subject", async ({ page, db }) => {
    await page.goto("/settings/templates");
    const editor = page.getByTestId("template-editor-resolution-email");
    await editor.getByLabel("Subject").fill("");
    await submitServerAction(page, () => editor.getByRole("button", { name: "Save template" }).click());
    await expect(editor.getByTestId("subject-error")).toHaveText("Subject is required for email");
    expect(await savedTemplate(db, "resolution", "email")).toBeNull();
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("templates and their previews are shown but not editable", async ({ page }) => {
    await page.goto("/settings/templates");
    const editor = page.getByTestId("template-editor-incident-email");
    await expect(editor.getByLabel("Body")).toHaveValue(/Acknowledge: \{\{ackLink\}\}/);
    await expect(editor.getByLabel("Body")).not.toBeEditable();
    await expect(page.getByTestId("template-preview-incident-email-subject")).toHaveText(/^\[(critical|high|medium|low)\] INC-\d+ /);
    await expect(page.getByRole("button", { name: "Save template" })).toHaveCount(0);
    await expect(page.getByText("Only admins change templates.")).toBeVisible();
  });
});
