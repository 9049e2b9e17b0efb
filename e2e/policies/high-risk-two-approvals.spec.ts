import { expect, test } from "@playwright/test";
import { controlPlane, requestByNumber } from "../support/db";
import { createPastedRequest, deployRow, uniqueMigration } from "../support/requests";
import { storageStateOf } from "../support/users";

/**
 * The demo's prod policy asks one more approval at high and critical risk. Renaming a column
 * is rated high by the linter whatever the table's size (rename-column), so one approval is
 * enough for staging but not for prod.
 */
test.describe.serial("a high-risk request", () => {
  const m = uniqueMigration("risky");
  const renamed = `${m.column}_r`;
  const sql = `ALTER TABLE "Organization" ADD COLUMN "${m.column}" TEXT;\nALTER TABLE "Organization" RENAME COLUMN "${m.column}" TO "${renamed}";\n`;
  let number = 0;

  test.describe("as the requester", () => {
    test.use({ storageState: storageStateOf("requester") });
    test("submits it and sees it rated high", async ({ page }) => {
      number = await createPastedRequest(page, { title: `E2E risky ${m.column}`, name: m.name, sql, downSql: `ALTER TABLE "Organization" DROP COLUMN "${renamed}";\n` });
      const [row] = await controlPlane<{ riskLevel: string }>(`SELECT "riskLevel"::text AS "riskLevel" FROM "MigrationRequest" WHERE number = $1`, [number]);
      expect(row.riskLevel).toBe("high");
    });
  });

  test.describe("as the approver", () => {
    test.use({ storageState: storageStateOf("approver") });
    test("the approver approves once", async ({ page }) => {
      await page.goto(`/requests/${number}`);
      await page.getByRole("button", { name: "Approve" }).click();
      await expect(page.getByTestId("review")).toContainText("approved");
      expect((await requestByNumber(number)).status).toBe("approved");
    });
  });

  test.describe("as the deployer", () => {
    test.use({ storageState: storageStateOf("deployer") });
    test("may deploy to staging but prod needs a second approval", async ({ page }) => {
      await page.goto(`/requests/${number}`);
      await expect(deployRow(page, "staging")).toContainText("ready to deploy");
      await expect(deployRow(page, "staging").getByRole("button", { name: "Deploy to staging" })).toBeEnabled();
      const prod = deployRow(page, "prod");
      await expect(prod).toContainText("needs 1 more approval from an approver (DBA or tech lead) (not the requester) (high risk)");
      await expect(prod).toContainText("staging not yet deployed");
      await expect(prod.getByRole("button", { name: "Deploy to prod" })).toBeDisabled();
      // The page says it in one sentence per environment.
      await expect(page.getByTestId("still-missing-prod")).toContainText(
        "prod: needs 1 more approval from an approver (DBA or tech lead) (not the requester) (high risk); staging not yet deployed",
      );
      await expect(page.getByTestId("still-missing-staging")).toContainText("staging: nothing missing, ready to deploy.");
    });
  });
});
