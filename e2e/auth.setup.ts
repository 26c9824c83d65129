import { mkdir } from "node:fs/promises";
import path from "node:path";
import { expect, test as setup } from "@playwright/test";
import { demoUser, signedInRoles, storageStatePath, submitSignIn } from "./support/auth";

// Signs in once per role through the real form; specs reuse the saved cookies.
for (const role of signedInRoles) {
  setup(`sign in as the demo ${role}`, async ({ page }) => {
    const user = demoUser(role);
    await page.goto("/signin");
    await submitSignIn(page, user.email, user.password);
    await expect(page).toHaveURL((url) => url.pathname === "/");
    await expect(page.getByTestId("current-role").first()).toHaveText(role);
    const file = storageStatePath(role);
    await mkdir(path.dirname(file), { recursive: true });
    await page.context().storageState({ path: file });
  });
}
