import { expect, test } from "@playwright/test";
import { controlPlane, deploymentsOf, environmentId, requestByNumber } from "../support/db";
import { createPastedRequest, deployRow, uniqueMigration } from "../support/requests";
import { demoUser, storageStateOf } from "../support/users";

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

async function stagingFreezeWindows(): Promise<unknown> {
  const [row] = await controlPlane<{ freezeWindows: unknown }>(`SELECT "freezeWindows" FROM "EnvironmentPolicy" WHERE "environmentId" = $1`, [await environmentId("staging")]);
  return row.freezeWindows;
}

/**
 * An admin sets a freeze window on staging covering now (today 00:00 → tomorrow 23:59 UTC)
 * through Settings → Policies; a deployer cannot deploy there and reads the window's message.
 * The spec removes the window through the page again (and from the database if it failed midway).
 */
test.describe.serial("a freeze window", () => {
  const m = uniqueMigration("frozen");
  const message = `E2E freeze ${m.column}`;
  let number = 0;
  let original: unknown;

  test.beforeAll(async () => {
    original = await stagingFreezeWindows();
  });
  test.afterAll(async () => {
    await controlPlane(`UPDATE "EnvironmentPolicy" SET "freezeWindows" = $2::jsonb WHERE "environmentId" = $1`, [await environmentId("staging"), JSON.stringify(original)]);
  });

  test.describe("as a non-admin", () => {
    test.use({ storageState: storageStateOf("deployer") });
    test("the policies page refuses plainly", async ({ page }) => {
      await page.goto("/settings/policies");
      await expect(page.getByTestId("settings-forbidden")).toContainText("Only admins can view and change environment policies");
      await expect(page.getByRole("form")).toHaveCount(0);
    });
  });

  test.describe("as the requester and the approver", () => {
    test.describe("requester", () => {
      test.use({ storageState: storageStateOf("requester") });
      test("submits a request", async ({ page }) => {
        number = await createPastedRequest(page, { title: `E2E frozen ${m.column}`, name: m.name, sql: m.sql, downSql: m.downSql });
      });
    });
    test.describe("approver", () => {
      test.use({ storageState: storageStateOf("approver") });
      test("approves it", async ({ page }) => {
        await page.goto(`/requests/${number}`);
        await page.getByRole("button", { name: "Approve" }).click();
        await expect(page.getByTestId("review")).toContainText("approved");
      });
    });
  });

  test.describe("as the admin", () => {
    test.use({ storageState: storageStateOf("admin") });
    test("adds a freeze window on staging covering now", async ({ page }) => {
      // Settings opens on projects; policies are one tab away.
      await page.goto("/settings");
      await expect(page).toHaveURL(/\/settings\/projects$/);
      await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Policies" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Policies" })).toBeVisible();
      const form = page.getByRole("form", { name: "Policy for staging" });
      await form.getByRole("button", { name: "Add freeze window" }).click();
      const windows = form.getByTestId("freeze-window");
      const row = windows.last();
      const today = new Date().getUTCDay();
      await row.getByLabel("From day").selectOption(DAYS[today]);
      await row.getByLabel("From", { exact: true }).fill("00:00");
      await row.getByLabel("To day").selectOption(DAYS[(today + 1) % 7]);
      await row.getByLabel("To", { exact: true }).fill("23:59");
      await row.getByLabel("Time zone").fill("UTC");
      await row.getByLabel("Message").fill(message);
      await form.getByRole("button", { name: "Save staging policy" }).click();
      await expect(form.getByTestId("policy-saved")).toBeVisible();

      const stored = (await stagingFreezeWindows()) as { message: string; days: number[] }[];
      expect(stored.at(-1)).toMatchObject({ message, days: [today, (today + 1) % 7], from: "00:00", to: "23:59", timeZone: "UTC" });
      const [event] = await controlPlane<{ action: string; actorEmail: string; after: { freezeWindows: { message: string }[] } }>(
        `SELECT action, "actorEmail", after FROM "AuditEvent" WHERE "subjectType" = 'environment' AND "subjectId" = $1 ORDER BY id DESC LIMIT 1`,
        [await environmentId("staging")],
      );
      expect(event.action).toBe("policy.updated");
      expect(event.actorEmail).toBe(demoUser("admin").email);
      expect(event.after.freezeWindows.at(-1)!.message).toBe(message);
    });
  });

  test.describe("as the deployer", () => {
    test.use({ storageState: storageStateOf("deployer") });
    test("cannot deploy to staging and reads the freeze message", async ({ page }) => {
      await page.goto(`/requests/${number}`);
      const staging = deployRow(page, "staging");
      await expect(staging).toContainText(`staging is frozen: ${message}`);
      await expect(staging.getByRole("button", { name: "Deploy to staging" })).toBeDisabled();
      await expect(deployRow(page, "dev")).not.toContainText("frozen");
      expect(await deploymentsOf((await requestByNumber(number)).id)).toEqual([]);
    });
  });

  test.describe("as the admin again", () => {
    test.use({ storageState: storageStateOf("admin") });
    test("removes the window", async ({ page }) => {
      await page.goto("/settings/policies");
      const form = page.getByRole("form", { name: "Policy for staging" });
      const row = form.getByTestId("freeze-window").filter({ has: page.locator(`input[value="${message}"]`) });
      await row.getByRole("button", { name: "Remove" }).click();
      await form.getByRole("button", { name: "Save staging policy" }).click();
      await expect(form.getByTestId("policy-saved")).toBeVisible();
      expect(await stagingFreezeWindows()).toEqual(original);
    });
  });
});
