import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../../lib/seed/demo-users";
import { E2E_PORT } from "./instance";

export type DemoRole = (typeof DEMO_USERS)[number]["role"];

export const DEMO_ROLES = DEMO_USERS.map((u) => u.role);
export { DEMO_PASSWORD, DEMO_USERS };

export function demoUser(role: DemoRole) {
  return DEMO_USERS.find((u) => u.role === role)!;
}

/** The session auth.setup.ts saved for a role; use with `test.use({ storageState: storageStateOf("approver") })`. */
export function storageStateOf(role: DemoRole): string {
  // Per instance: sessions are signed with that instance's secret, and two suites may run at once.
  return path.join(__dirname, "..", ".auth", String(E2E_PORT), `${role}.json`);
}

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAs(page: Page, role: DemoRole) {
  const user = demoUser(role);
  await signIn(page, user.email, DEMO_PASSWORD);
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(page.getByTestId("current-user")).toHaveText(user.name);
}
