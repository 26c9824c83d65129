import { expect, test } from "./fixtures";
import { storageStatePath } from "./support/auth";
import { declareThroughForm } from "./support/declare";

// The keyboard: a command palette on Ctrl/Cmd+K, one-key shortcuts on an incident, `?` to list
// them; and a tab that says how many incidents wait for acknowledgement.

test.use({ storageState: storageStatePath("admin") });

test("Ctrl+K jumps to an incident by reference or title, and to a page", async ({ page, db, uniqueName }) => {
  const title = uniqueName("Palette target");
  const id = await declareThroughForm(page, title, { severity: "high" });
  const [row] = await db.query<{ number: number }>(`SELECT number FROM "Incident" WHERE id = $1`, [id]);

  await page.goto("/");
  await page.keyboard.press("Control+k");
  const palette = page.getByTestId("command-palette");
  await expect(palette).toBeVisible();
  await page.keyboard.type(`INC-${row!.number}`);
  await expect(palette.getByTestId("palette-result").first()).toContainText(title);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/incidents/INC-${row!.number}$`));
  await expect(page.getByTestId("incident-title")).toHaveText(title);

  await page.keyboard.press("Control+k");
  await page.keyboard.type("backups");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/backups$/);
});

test("on an incident, n writes a note, u a status update, a acknowledges, and ? lists the keys", async ({ page, uniqueName }) => {
  const id = await declareThroughForm(page, uniqueName("Shortcut target"), { severity: "critical" });
  await page.goto(`/incidents/${id}`);
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  // The tab says an incident waits, and which.
  await expect(page).toHaveTitle(/^\(\d+\) INC-\d+ · critical · declared · Firebreak$/);

  await page.keyboard.press("n");
  await expect(page.getByTestId("note-form").getByLabel("Note")).toBeFocused();
  await page.keyboard.press("Escape");
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("u");
  await expect(page.getByTestId("status-update-form").getByLabel("Progress")).toBeFocused();
  await page.locator("body").click({ position: { x: 5, y: 5 } });

  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcuts")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("shortcuts")).toBeHidden();

  await page.keyboard.press("a");
  await expect(page.locator('[data-testid="timeline-event"][data-kind="acknowledged"]')).toHaveCount(1);
  await expect(page).toHaveTitle(/INC-\d+ · critical · acknowledged · Firebreak$/);
});
