import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { auditActionsFor, controlPlane, deploymentsOf, prismaMigration, requestByNumber } from "../support/db";
import { createPastedRequest, deployThroughUi } from "../support/requests";
import { storageStateOf } from "../support/users";

/**
 * A migration that fails on the target: the deployer sees the database's own error,
 * the request is failed, and the target's _prisma_migrations holds the failed row
 * exactly as Prisma would leave it. Runs against dev, which the review-and-deploy
 * flow does not use (a failed migration blocks further deploys to that target).
 */
test.describe.serial("a deploy that fails on the target", () => {
  const suffix = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const missingTable = `E2eMissing_${suffix}`;
  const name = `004_e2e_fail_${suffix}`;
  const sql = `ALTER TABLE "${missingTable}" ADD COLUMN "note" TEXT;\n`;
  let number = 0;
  let requestId = "";

  test.describe("as the requester", () => {
    test.use({ storageState: storageStateOf("requester") });
    test("submits SQL that references a table the target lacks", async ({ page }) => {
      number = await createPastedRequest(page, { title: `E2E failing migration ${suffix}`, name, sql });
      requestId = (await requestByNumber(number)).id;
    });
  });

  test.describe("as the approver", () => {
    test.use({ storageState: storageStateOf("approver") });
    test("approves it", async ({ page }) => {
      await page.goto(`/requests/${number}`);
      await page.getByRole("button", { name: "Approve" }).click();
      await expect(page.getByTestId("review")).toContainText("approved");
      await expect.poll(async () => (await requestByNumber(number)).status).toBe("approved");
    });
  });

  test.describe("as the deployer", () => {
    test.use({ storageState: storageStateOf("deployer") });
    test("sees the database's error and the request becomes failed", async ({ page }) => {
      await page.goto(`/requests/${number}`);
      const outcome = await deployThroughUi(page, "dev");
      await expect(outcome).not.toContainText("Deployed to dev.");
      await expect(outcome).toContainText(`${name} is recorded as failed`);
      await page.reload();
      await expect(page.getByText("Failed", { exact: true }).first()).toBeVisible();

      expect((await requestByNumber(number)).status).toBe("failed");
      const [deployment] = await deploymentsOf(requestId);
      expect(deployment).toMatchObject({ environment: "dev", status: "failed" });
      const [{ log }] = await controlPlane<{ log: string }>(`SELECT log FROM "Deployment" WHERE id = $1`, [deployment.id]);
      expect(log).toContain(`relation "${missingTable}" does not exist`);
      expect(log).toContain("SQLSTATE 42P01");
      expect((await auditActionsFor(requestId)).map((e) => e.action)).toContain("deployment.failed");

      const rows = await prismaMigration("riscura_dev", name);
      expect(rows).toHaveLength(1);
      expect(rows[0].finished_at).toBeNull();
      expect(rows[0].rolled_back_at).toBeNull();
      expect(rows[0].applied_steps_count).toBe(0);
      expect(rows[0].logs).toContain(`relation "${missingTable}" does not exist`);

      // The database's own error, in full, in the deployment log the outcome links to.
      await page.goto(`/requests/${number}`);
      await page.getByRole("link", { name: "dev", exact: true }).click();
      await expect(page).toHaveURL(`/history/${deployment.id}`);
      await expect(page.getByRole("heading", { level: 1, name: `Deploy of #${number} to dev` })).toBeVisible();
      await expect(page.getByText(`relation "${missingTable}" does not exist`).first()).toBeVisible();
    });
  });
});
