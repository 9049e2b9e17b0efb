import { expect, test } from "@playwright/test";
import { storageStateOf } from "../support/users";

/** The manager reads everything: each page of the shell renders its heading, not an error panel. */
const PAGES = [
  { path: "/", heading: "Dashboard" },
  { path: "/requests", heading: "Migration requests" },
  { path: "/requests/new", heading: "New migration request" },
  { path: "/migrations", heading: "Migrations" },
  { path: "/history", heading: "Deploy history" },
  { path: "/health", heading: /health/i },
  { path: "/audit", heading: /audit/i },
] as const;

test.describe("every page, as the manager", () => {
  test.use({ storageState: storageStateOf("manager") });

  for (const { path, heading } of PAGES) {
    test(`${path} renders its heading without an error`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status(), `HTTP status of ${path}`).toBeLessThan(400);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(page.getByTestId("error-panel")).toHaveCount(0);
      await expect(page.getByText("This page could not be found")).toHaveCount(0);
    });
  }
});
