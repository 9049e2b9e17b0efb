import { expect, test } from "@playwright/test";
import { auditActionsFor, controlPlane, deploymentsOf, requestByNumber } from "../support/db";
import { approveThroughUi, createPastedRequest, deployRow, uniqueMigration } from "../support/requests";
import { storageStateOf } from "../support/users";
import { zonedLocalToInstant } from "../../lib/deploy/zoned-time";

/** A deployer schedules a deploy in the environment's time zone, finds it on /deploys and cancels it. */
test.describe.serial("a scheduled deploy", () => {
  const m = uniqueMigration("scheduled");
  let number = 0;
  let requestId = "";

  test.describe("as the requester", () => {
    test.use({ storageState: storageStateOf("requester") });
    test("submits a migration", async ({ page }) => {
      number = await createPastedRequest(page, { title: `E2E scheduled ${m.column}`, name: m.name, sql: m.sql, downSql: m.downSql });
      requestId = (await requestByNumber(number)).id;
    });
  });

  test.describe("as the approver", () => {
    test.use({ storageState: storageStateOf("approver") });
    test("approves it", async ({ page }) => {
      await approveThroughUi(page, number);
    });
  });

  test.describe("as the deployer", () => {
    test.use({ storageState: storageStateOf("deployer") });
    test("schedules it for a time in dev's zone, sees it listed, cancels it", async ({ page }) => {
      const [{ timeZone }] = await controlPlane<{ timeZone: string }>(
        `SELECT e."timeZone" FROM "Environment" e JOIN "Project" p ON p.id = e."projectId" WHERE p.slug = 'riscura' AND e.name = 'dev'`,
      );
      const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
      const local = `${day}T10:30`;

      await page.goto(`/requests/${number}`);
      await deployRow(page, "dev").getByRole("button", { name: "Schedule…" }).click();
      const dialog = page.getByRole("dialog", { name: "Schedule the deploy to dev" });
      await expect(dialog).toContainText(`Run at (${timeZone} time)`);
      await dialog.getByLabel(/Run at/).fill("2020-01-01T10:00");
      await expect(dialog).toContainText("That time is in the past.");
      await expect(dialog.getByRole("button", { name: "Schedule", exact: true })).toBeDisabled();
      await dialog.getByLabel(/Run at/).fill(local);
      await dialog.getByRole("button", { name: "Schedule", exact: true }).click();
      await expect(page.getByTestId("deployment-progress")).toContainText("Scheduled for");

      const [deployment] = await deploymentsOf(requestId);
      expect(deployment).toMatchObject({ environment: "dev", status: "queued" });
      const [{ runAt }] = await controlPlane<{ runAt: Date }>(`SELECT "runAt" FROM "Deployment" WHERE id = $1`, [deployment.id]);
      expect(runAt.toISOString()).toBe(zonedLocalToInstant(local, timeZone)!.toISOString());

      await page.goto("/deploys");
      await expect(page.getByRole("heading", { level: 1, name: "Scheduled deploys" })).toBeVisible();
      const row = page.getByTestId("scheduled-deploy-row").filter({ hasText: `#${number}` });
      await expect(row).toContainText("dev");
      await expect(row).toContainText(timeZone);
      await row.getByRole("button", { name: "Cancel" }).click();
      await row.getByRole("button", { name: "Yes, cancel it" }).click();
      await expect(page.getByTestId("scheduled-deploy-row").filter({ hasText: `#${number}` })).toHaveCount(0);

      expect((await deploymentsOf(requestId))[0].status).toBe("cancelled");
      expect((await auditActionsFor(requestId)).map((e) => e.action)).toEqual(expect.arrayContaining(["deployment.queued", "deployment.cancelled"]));
    });
  });
});
