import { defineConfig, devices } from "@playwright/test";
import { E2E_BASE_URL, E2E_DATA_DIR, E2E_PG_PORT, E2E_PORT } from "./e2e/support/instance";

// Debian's Chromium: Playwright's own browser download cannot work on these machines.
const chromium = {
  ...devices["Desktop Chrome"],
  viewport: { width: 1440, height: 900 },
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  },
};

/**
 * The e2e suite runs against its own Sluice: a fresh embedded PostgreSQL in
 * .sluice/e2e-3100 on port 54349 and the web app on 3100, so it never touches a dev
 * instance on 3000/54329 and always starts from the seeded demo data.
 * The flows are sequential (one request travels from requester to prod), so one worker.
 */
export default defineConfig({
  testDir: "./e2e",
  forbidOnly: !!process.env.CI,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: E2E_BASE_URL,
    viewport: { width: 1440, height: 900 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    // Signs in through the UI once per role and saves each session to e2e/.auth/<role>.json.
    { name: "setup", testMatch: /auth\.setup\.ts/, use: chromium },
    { name: "chromium", dependencies: ["setup"], use: chromium },
  ],
  webServer: {
    command: `e2e/start-server.sh ${E2E_DATA_DIR} ${E2E_PORT} ${E2E_PG_PORT}`,
    url: `${E2E_BASE_URL}/sign-in`,
    timeout: 300_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});
