import { expect, test } from "./fixtures";
import { submitServerAction } from "./support/actions";
import { storageStatePath } from "./support/auth";

test.describe("recovery objectives", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("an admin changes them, and a rule violation is refused on its field", async ({ page, db }) => {
    await page.goto("/settings");
    await expect(page.getByTestId("objectives-summary")).toContainText("RTO 4 hours · RPO 5 minutes · MTD 8 hours");
    const form = page.getByTestId("objectives-form");

    await form.getByLabel("MTD (minutes)").fill("60");
    await submitServerAction(page, () => form.getByRole("button", { name: "Save objectives" }).click());
    await expect(form.getByTestId("mtdMinutes-error")).toHaveText("MTD cannot be shorter than the RTO");
    expect(await db.query(`SELECT 1 FROM "Setting" WHERE key = 'recovery.objectives'`)).toHaveLength(0);

    await form.getByLabel("RTO (minutes)").fill("120");
    await form.getByLabel("MTD (minutes)").fill("480");
    await submitServerAction(page, () => form.getByRole("button", { name: "Save objectives" }).click());
    await expect(page.getByTestId("objectives-form-status")).toHaveText("Recovery objectives saved.");
    await page.reload();
    await expect(page.getByTestId("objectives-summary")).toContainText("RTO 2 hours · RPO 5 minutes · MTD 8 hours");

    // Back to the plan's values for the tests that follow.
    await page.getByTestId("objectives-form").getByLabel("RTO (minutes)").fill("240");
    await submitServerAction(page, () => page.getByTestId("objectives-form").getByRole("button", { name: "Save objectives" }).click());
    await expect(page.getByTestId("objectives-form-status")).toHaveText("Recovery objectives saved.");
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("the objectives are shown but not editable", async ({ page }) => {
    await page.goto("/settings");
    await expect(page.getByTestId("objectives-summary")).toBeVisible();
    await expect(page.getByTestId("objectives-form")).toHaveCount(0);
    await expect(page.getByText("Only admins change the objectives.")).toBeVisible();
  });
});
