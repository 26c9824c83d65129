import { test, expect } from "./fixtures";
import { submitServerAction } from "./support/actions";
import { submitSignIn } from "./support/auth";

// Every test here starts signed out: the chromium project has no storage state.

test("signs in and out through the form", async ({ page, makeUser }) => {
  const user = await makeUser({ role: "responder" });

  await page.goto("/signin");
  await submitSignIn(page, user.email, user.password);
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  const account = page.getByRole("complementary");
  await expect(account.getByTestId("current-user")).toHaveText(user.name);
  await expect(account.getByTestId("current-role")).toHaveText("responder");

  await account.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/signin");

  // The session is gone: the dashboard sends us back to sign in.
  await page.goto("/");
  await expect(page).toHaveURL((url) => url.pathname === "/signin");
  await expect(page.getByRole("heading", { name: "Sign in to Firebreak" })).toBeVisible();
});

test("a wrong password is refused with a message and no session", async ({ page, makeUser, db }) => {
  const user = await makeUser({ role: "viewer" });

  await page.goto("/signin");
  await submitServerAction(page, () => submitSignIn(page, user.email, `${user.password}-wrong`));
  await expect(page.getByTestId("sign-in-status")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL((url) => url.pathname === "/signin");
  expect(await db.signInAttempts(user.email)).toEqual([expect.objectContaining({ succeeded: false })]);

  await page.goto("/teams");
  await expect(page).toHaveURL((url) => url.pathname === "/signin");
});

test("a page visited signed out is shown after signing in", async ({ page, makeUser }) => {
  const user = await makeUser({ role: "viewer" });

  await page.goto("/drills?from=e2e");
  await expect(page).toHaveURL((url) => url.pathname === "/signin" && url.searchParams.has("callbackUrl"));

  // Emails are matched without regard to case.
  await submitSignIn(page, user.email.toUpperCase(), user.password);
  await expect(page).toHaveURL((url) => url.pathname === "/drills" && url.searchParams.get("from") === "e2e");
  await expect(page.getByRole("heading", { level: 1, name: "Drills" })).toBeVisible();
});

test("a callbackUrl pointing at another site is reduced to a path on this one", async ({ page, makeUser, baseURL }) => {
  const user = await makeUser({ role: "viewer" });
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("https://evil.example/teams")}`);
  await submitSignIn(page, user.email, user.password);
  await expect(page).toHaveURL((url) => url.origin === new URL(baseURL!).origin && url.pathname === "/teams");
});

test("a disabled account cannot sign in, and its open session ends", async ({ page, browser, makeUser, db }) => {
  const user = await makeUser({ role: "responder" });
  await page.goto("/signin");
  await submitSignIn(page, user.email, user.password);
  await expect(page).toHaveURL((url) => url.pathname === "/");

  await db.disableUser(user.id);
  await page.goto("/teams");
  await expect(page).toHaveURL((url) => url.pathname === "/signin");

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const fresh = await context.newPage();
    await fresh.goto("/signin");
    await submitServerAction(fresh, () => submitSignIn(fresh, user.email, user.password));
    await expect(fresh.getByTestId("sign-in-status")).toHaveText("Wrong email or password.");
    await expect(fresh).toHaveURL((url) => url.pathname === "/signin");
  } finally {
    await context.close();
  }
});

test("a wrong password keeps the email that was typed", async ({ page, makeUser }) => {
  const user = await makeUser({ role: "viewer" });
  await page.goto("/signin");
  await submitServerAction(page, () => submitSignIn(page, user.email, "not-the-password"));
  await expect(page.getByTestId("sign-in-status")).toHaveText("Wrong email or password.");
  await expect(page.getByLabel("Email")).toHaveValue(user.email, { timeout: 2_000 });
});

test("a signed-in visitor to /signin goes straight to the dashboard", async ({ page, makeUser }) => {
  const user = await makeUser({ role: "viewer" });
  await page.goto("/signin");
  await submitSignIn(page, user.email, user.password);
  await expect(page).toHaveURL((url) => url.pathname === "/");

  await page.goto("/signin?callbackUrl=/teams");
  await expect(page).toHaveURL((url) => url.pathname === "/teams");
  await expect(page.getByRole("heading", { level: 1, name: "Teams & contacts" })).toBeVisible();
});

// The e2e server trusts loopback as a proxy (TRUSTED_PROXIES in playwright.config.ts), so a test
// names the client address it stands for in X-Forwarded-For, as a reverse proxy would.
test("failed sign-ins make the next attempt wait, the right password too, and every refusal is audited", async ({ page, makeUser, db }) => {
  const user = await makeUser({ role: "admin" });
  const status = page.getByTestId("sign-in-status");
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "198.51.100.10" });

  await page.goto("/signin");
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await submitServerAction(page, () => submitSignIn(page, user.email, `wrong-${attempt}`));
    // The fifth failure starts a one-second wait, which a slow machine may already have waited out.
    await expect(status).toHaveText(attempt < 5 ? "Wrong email or password." : /^(Wrong email or password\.|Too many failed sign-ins\. Try again in 1 second\.)$/);
  }
  // Further failures (as from a guesser who kept going) have made the wait minutes long.
  await db.query(`UPDATE "SignInThrottle" SET failures = 12, "blockedUntil" = now() + interval '4 minutes' WHERE key = $1`, [`pair:${user.email} 198.51.100.10`]);

  await submitServerAction(page, () => submitSignIn(page, user.email, user.password));
  await expect(status).toHaveText("Too many failed sign-ins. Try again in 4 minutes.");
  await expect(page).toHaveURL((url) => url.pathname === "/signin");

  const attempts = await db.signInAttempts(user.email);
  expect(attempts).toHaveLength(5);
  expect(attempts.every((attempt) => !attempt.succeeded && attempt.address === "198.51.100.10")).toBe(true);
  const refusals = (await db.auditEntries(user.email)).filter((entry) => entry.action === "auth.sign_in_refused");
  expect(refusals.map((entry) => entry.data.reason)).toEqual([...Array(5).fill("wrong password"), "throttled"]);
  expect(refusals.every((entry) => entry.actorLabel === user.email && entry.data.address === "198.51.100.10")).toBe(true);

  // The same person from another address, and another account from this one, are not kept waiting.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "198.51.100.11" });
  await submitSignIn(page, user.email, user.password);
  await expect(page).toHaveURL((url) => url.pathname === "/");
});

test("guessing at one account from many addresses slows it for everyone, by seconds, never for long", async ({ page, makeUser, db }) => {
  test.slow();
  const user = await makeUser({ role: "viewer" });
  const status = page.getByTestId("sign-in-status");

  await page.goto("/signin");
  for (let attempt = 1; attempt <= 20; attempt += 1) {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${100 + attempt}` });
    await submitServerAction(page, () => submitSignIn(page, user.email, `wrong-${attempt}`));
    await expect(status).toHaveText(attempt < 20 ? "Wrong email or password." : /^(Wrong email or password\.|Too many failed sign-ins\. Try again in 1 second\.)$/);
  }
  const attempts = await db.signInAttempts(user.email);
  expect(attempts).toHaveLength(20);
  expect(new Set(attempts.map((attempt) => attempt.address)).size).toBe(20);

  // The account's wait, however many strangers fail, is at most a minute; then the person is in.
  await db.query(`UPDATE "SignInThrottle" SET "blockedUntil" = now() + interval '2 seconds' WHERE key = $1`, [`account:${user.email}`]);
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "192.0.2.7" });
  await submitServerAction(page, () => submitSignIn(page, user.email, user.password));
  await expect(status).toHaveText(/^Too many failed sign-ins\. Try again in [12] seconds?\.$/);
  await expect(async () => {
    await submitSignIn(page, user.email, user.password);
    await expect(page).toHaveURL((url) => url.pathname === "/", { timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
});
