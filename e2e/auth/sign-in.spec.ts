import { expect, test } from "@playwright/test";
import { controlPlane } from "../support/db";
import { DEMO_PASSWORD, DEMO_USERS, demoUser, signIn, signInAs } from "../support/users";

test.describe("signing in and out", () => {
  test("a wrong password is refused with an error and no session", async ({ page }) => {
    const rita = demoUser("requester");
    await signIn(page, rita.email, "not-the-password");
    await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/sign-in/);
    const cookies = await page.context().cookies();
    expect(cookies.filter((c) => c.name.includes("session-token"))).toEqual([]);
  });

  test("an unknown email is refused the same way", async ({ page }) => {
    await signIn(page, "nobody@riscura.dev", DEMO_PASSWORD);
    await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
  });

  test("the sign-in page lists every demo account, each of which exists in the database", async ({ page }) => {
    await page.goto("/sign-in");
    const list = page.getByRole("list", { name: "Demo accounts" });
    for (const user of DEMO_USERS) await expect(list).toContainText(user.email);
    const rows = await controlPlane<{ email: string }>(`SELECT email FROM "User" WHERE email = ANY($1)`, [DEMO_USERS.map((u) => u.email)]);
    expect(rows.map((r) => r.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
  });

  for (const user of DEMO_USERS) {
    test(`${user.role} ${user.email} can sign in`, async ({ page }) => {
      await signInAs(page, user.role);
      await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    });
  }

  test("an unauthenticated visit to /requests is sent to sign in", async ({ page }) => {
    await page.goto("/requests");
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Migration requests" })).toHaveCount(0);
  });

  test("signing out ends the session", async ({ page }) => {
    await signInAs(page, "manager");
    // Let the dashboard's own requests finish first: one still in flight could carry a
    // refreshed session cookie back after sign-out deleted it.
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
    await page.goto("/requests");
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
  });
});
