import { expect, test } from "./fixtures";
import { submitServerAction } from "./support/actions";
import { asUser } from "./support/auth";

// Times are shown in the reader's zone, UTC on hover: the browser's own unless the person chose one.

test("times follow the browser's zone, or the one chosen on the account, with UTC on hover", async ({ browser, makeUser }) => {
  const person = await makeUser({ role: "viewer" });
  const { context, page } = await asUser(browser, person.email, person.password, { timezoneId: "Europe/Paris" });
  try {
    // The browser's zone, as soon as the browser has told the server (the first page renders again once).
    await page.goto("/incidents?status=all");
    const first = page.getByTestId("incident-row").first().locator("time").first();
    await expect(first).toHaveText(/ (CET|CEST|GMT\+1|GMT\+2)$/);
    await expect(first).toHaveAttribute("title", / UTC$/);

    await page.goto("/account");
    const form = page.getByTestId("time-zone-form");
    await form.getByLabel("Show times in").selectOption("Asia/Tokyo");
    await submitServerAction(page, () => form.getByRole("button", { name: "Save time zone" }).click());
    await expect(page.getByTestId("time-zone-form-status")).toContainText("Saved");

    await page.goto("/incidents?status=all");
    await expect(page.getByTestId("incident-row").first().locator("time").first()).toHaveText(/ (JST|GMT\+9)$/);

    // Back to the browser's.
    await page.goto("/account");
    await form.getByLabel("Show times in").selectOption("");
    await submitServerAction(page, () => form.getByRole("button", { name: "Save time zone" }).click());
    await page.goto("/incidents?status=all");
    await expect(page.getByTestId("incident-row").first().locator("time").first()).toHaveText(/ (CET|CEST|GMT\+1|GMT\+2)$/);
  } finally {
    await context.close();
  }
});
