import path from "node:path";
import { expect, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import type { Role } from "@/lib/auth/roles";
import { DEMO_PASSWORD, demoUsers } from "@/lib/demo/seed";

export { DEMO_PASSWORD };

/** Roles the setup project signs in once, for specs to reuse through storageState. */
export const signedInRoles = ["admin", "viewer"] as const satisfies readonly Role[];
export type SignedInRole = (typeof signedInRoles)[number];

export function storageStatePath(role: SignedInRole): string {
  return path.resolve(".data/e2e-auth", `${role}.json`);
}

export function demoUser(role: Role): { email: string; name: string; role: Role; password: string } {
  const user = demoUsers.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`No demo user with the role ${role}`);
  return { ...user, password: DEMO_PASSWORD };
}

/** Fills and submits the sign-in form on the current page (which must be /signin). */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await expect(page.getByRole("heading", { name: "Sign in to Firebreak" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in through the form and waits until the shell shows who is signed in. */
export async function signInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/signin");
  await submitSignIn(page, email, password);
  await expect(page.getByTestId("current-user").first()).toBeAttached();
}

/** A fresh browser context signed in as the given user, for a test with two people at once; `options` sets the browser's own (its time zone, say). */
export async function asUser(browser: Browser, email: string, password: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ ...options, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signInThroughForm(page, email, password);
  return { context, page };
}
