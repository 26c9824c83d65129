import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { env } from "./lib/env";
import { e2eDataDir, e2ePort, e2ePostgresPort } from "./e2e/support/environment";

// The system's Chromium, never a downloaded browser.
function chromiumPath(): string {
  const candidates = [env().PLAYWRIGHT_CHROMIUM_PATH, "/usr/bin/chromium"].filter((p): p is string => Boolean(p));
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      "No Chromium found: install Debian's `chromium` package (apt-get install chromium) or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium binary.",
    );
  }
  return found;
}

const baseURL = `http://127.0.0.1:${e2ePort}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: ".data/test-results/playwright-output",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // A scenario takes 20-30 s on an idle 2-core machine; CI shares the machine, and slow is not wrong.
  timeout: 120_000,
  // What a page shows after an action or a live change; a busy machine can take longer than 5 s.
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: ".data/test-results/playwright.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--headless=new",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-default-apps",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
  ],
  // A production build on a fresh embedded database of its own; `npm test` builds first.
  webServer: {
    command: "node --import tsx scripts/start.ts --skip-build --fresh",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    env: {
      DATA_DIR: e2eDataDir,
      PORT: String(e2ePort),
      EMBEDDED_PG_PORT: String(e2ePostgresPort),
      HOST: "127.0.0.1",
      DATABASE_URL: "",
      // Tests stand for clients at other addresses by sending X-Forwarded-For, as a proxy on this machine would.
      TRUSTED_PROXIES: "127.0.0.1, ::1",
    },
  },
});
