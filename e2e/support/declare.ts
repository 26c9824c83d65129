import { expect, type Page } from "@playwright/test";
import { submitServerAction } from "./actions";

export interface DeclareOptions {
  severity?: "critical" | "high" | "medium" | "low";
  description?: string;
  /** Another server's address; the shared e2e server by default. */
  origin?: string;
}

/** Declares an incident on Bridge Infrastructure through the form, waits on its page, and returns its id. */
export async function declareThroughForm(page: Page, title: string, { severity = "critical", description, origin = "" }: DeclareOptions = {}): Promise<string> {
  await page.goto(`${origin}/incidents/new`);
  const form = page.getByTestId("declare-form");
  await form.getByLabel("Title").fill(title);
  await form.getByRole("radio", { name: new RegExp(`^${severity}`, "i") }).check();
  await form.getByRole("checkbox", { name: /Bridge Infrastructure/ }).check();
  await form.getByLabel("Impact", { exact: true }).fill("Withdrawals are failing for every user.");
  if (description) await form.getByLabel("Description").fill(description);
  await submitServerAction(page, () => form.getByRole("button", { name: "Declare incident" }).click());
  await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}
