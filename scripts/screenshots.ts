/**
 * Saves a 1440×900 PNG of every page to docs/screenshots/, signed in as the role that
 * would look at it, against a running instance:
 *   BASE_URL=http://localhost:3000 npx tsx scripts/screenshots.ts
 * Uses Debian's Chromium (Playwright's own browser download is not available here).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../lib/seed/demo-users";

const BASE_URL = (process.env.BASE_URL ?? "http://localhost:3000").replace(/\/$/, "");
const OUT_DIR = path.resolve(__dirname, "..", "docs", "screenshots");
const VIEWPORT = { width: 1440, height: 900 };

type Role = (typeof DEMO_USERS)[number]["role"];

type Shot = { file: string; role: Role | null; path: string | ((page: Page) => Promise<string>); fullPage?: boolean };

/** The newest deployment's detail page, found the way a reader would: through the history list. */
async function firstDeployment(page: Page): Promise<string> {
  await page.goto(`${BASE_URL}/history`);
  const href = await page.getByTestId("deployment-row").first().getByRole("link").first().getAttribute("href");
  if (!href) throw new Error("no deployment in /history to show");
  return href;
}

const SHOTS: Shot[] = [
  { file: "sign-in.png", role: null, path: "/sign-in" },
  { file: "dashboard.png", role: "manager", path: "/" },
  { file: "requests.png", role: "manager", path: "/requests" },
  { file: "request-detail.png", role: "approver", path: "/requests/5" },
  // A CREATE TABLE: findings sit under the column they concern.
  { file: "request-draft.png", role: "requester", path: "/requests/6" },
  { file: "new-request.png", role: "requester", path: "/requests/new" },
  { file: "migrations.png", role: "manager", path: "/migrations" },
  { file: "history.png", role: "manager", path: "/history" },
  { file: "history-detail.png", role: "manager", path: firstDeployment },
  { file: "health.png", role: "manager", path: "/health" },
  { file: "audit.png", role: "manager", path: "/audit" },
  { file: "scheduled-deploys.png", role: "deployer", path: "/deploys" },
  { file: "settings-policies.png", role: "admin", path: "/settings/policies" },
  { file: "settings-projects.png", role: "admin", path: "/settings/projects" },
  { file: "settings-project.png", role: "admin", path: "/settings/projects/riscura" },
  { file: "settings-environments.png", role: "admin", path: "/settings/projects/riscura/environments" },
  { file: "settings-people.png", role: "admin", path: "/settings/people" },
  { file: "settings-tokens.png", role: "admin", path: "/settings/tokens" },
  { file: "settings-account.png", role: "requester", path: "/settings/account" },
  { file: "api-docs.png", role: "admin", path: "/api-docs" },
];

async function signedInPage(browser: Browser, role: Role | null): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  if (!role) return page;
  const user = DEMO_USERS.find((u) => u.role === role)!;
  await page.goto(`${BASE_URL}/sign-in`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/", { timeout: 30_000 });
  return page;
}

async function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const pages = new Map<Role | null, Page>();
  let failures = 0;
  try {
    for (const shot of SHOTS) {
      if (!pages.has(shot.role)) pages.set(shot.role, await signedInPage(browser, shot.role));
      const page = pages.get(shot.role)!;
      try {
        const target = typeof shot.path === "string" ? shot.path : await shot.path(page);
        const response = await page.goto(`${BASE_URL}${target}`, { waitUntil: "networkidle", timeout: 60_000 });
        // Wait for the page's own content, not the loading skeleton.
        await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 30_000 }).catch(() => {});
        await page.screenshot({ path: path.join(OUT_DIR, shot.file), fullPage: shot.fullPage ?? false });
        console.log(`${shot.file.padEnd(20)} ${target} (HTTP ${response?.status() ?? "?"}${shot.role ? `, as ${shot.role}` : ""})`);
      } catch (error) {
        failures++;
        console.error(`${shot.file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await browser.close();
  }
  if (failures) process.exit(1);
}

void main();
