import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { auditActionsFor, columnExists, deploymentsOf, prismaMigration, requestByNumber } from "../support/db";
import { approveThroughUi, createPastedRequest, deployRow } from "../support/requests";
import { storageStateOf } from "../support/users";

/**
 * A deployer starts a long migration on staging, watches it live (step, running statement,
 * elapsed time), stops it, and sees what happened: PostgreSQL rolled the migration's
 * transaction back, nothing of it stayed applied, and _prisma_migrations has no failed row
 * that would block the next deploy.
 */
test.describe.serial("emergency stop of a long migration", () => {
  const suffix = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const column = `e2e_slow_${suffix}`;
  const name = `004_e2e_slow_${suffix}`;
  const sql = `ALTER TABLE "Organization" ADD COLUMN "${column}" TEXT;\nSELECT pg_sleep(20);\n`;
  let number = 0;
  let requestId = "";

  test.describe("as the requester", () => {
    test.use({ storageState: storageStateOf("requester") });
    test("submits a migration that takes 20 seconds", async ({ page }) => {
      number = await createPastedRequest(page, { title: `E2E slow migration ${suffix}`, name, sql, downSql: `ALTER TABLE "Organization" DROP COLUMN "${column}";\n` });
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
    test("watches the live progress, stops the deploy and sees the rollback", async ({ page }) => {
      await page.goto(`/requests/${number}`);
      await deployRow(page, "staging").getByRole("button", { name: "Deploy to staging" }).click();
      await page.getByRole("dialog", { name: "Deploy to staging?" }).getByRole("button", { name: "Yes, deploy to staging" }).click();

      const progress = page.getByTestId("deployment-progress");
      await expect(progress).toHaveAttribute("data-status", "running", { timeout: 30_000 });
      await expect(progress.locator('[data-testid="deployment-step"][data-kind="apply"][data-status="running"]')).toContainText(`Apply ${name}`);
      // The statement running on the target, read live from pg_stat_activity.
      await expect(progress).toContainText("pg_sleep(20)", { timeout: 15_000 });

      // Survives a reload: the progress comes from the database, not the page.
      await page.reload();
      await expect(page.getByTestId("deployment-progress")).toHaveAttribute("data-status", "running");

      await page.getByRole("button", { name: "Emergency stop" }).click();
      await page.getByRole("dialog", { name: "Confirm emergency stop" }).getByRole("button", { name: "Yes, stop the deploy" }).click();

      const outcome = page.getByTestId("deploy-outcome");
      await expect(outcome).toBeVisible({ timeout: 20_000 });
      await expect(outcome).toContainText("Stopped on request.");
      await expect(outcome).toContainText("Nothing from this request was applied; the target is as it was.");

      const [deployment] = await deploymentsOf(requestId);
      expect(deployment).toMatchObject({ environment: "staging", status: "cancelled", startedByEmail: "dana.deployer@riscura.dev" });
      expect(await columnExists("riscura_staging", "Organization", column)).toBe(false);
      expect((await prismaMigration("riscura_staging", name)).filter((r) => r.finished_at === null && r.rolled_back_at === null)).toEqual([]);
      expect((await auditActionsFor(requestId)).map((e) => e.action)).toEqual(expect.arrayContaining(["deployment.queued", "deployment.started", "deployment.stop_requested", "deployment.cancelled"]));

      // The deployment page says what was applied and what was not.
      await page.goto(`/history/${deployment.id}`);
      await expect(page.getByRole("heading", { level: 1, name: `Deploy of #${number} to staging` })).toBeVisible();
      await expect(page.getByText("Not applied").first()).toBeVisible();
      await expect(page.getByTestId("deployment-log")).toContainText("Emergency stop requested");
    });
  });
});
