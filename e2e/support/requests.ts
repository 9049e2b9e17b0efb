import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { requestByNumber } from "./db";

/**
 * A unique migration for one run. The name sorts between the demo's applied
 * 004_add_billing_system and its pending 005/006, so deploying it alone does not
 * skip an earlier folder migration (Sluice refuses that, as it should).
 */
export function uniqueMigration(purpose: string) {
  const suffix = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const column = `e2e_${purpose}_${suffix}`;
  return {
    name: `004_e2e_${purpose}_${suffix}`,
    column,
    sql: `-- e2e: a nullable column without a default is a catalog-only change\nALTER TABLE "Organization" ADD COLUMN "${column}" TEXT;\n`,
    downSql: `ALTER TABLE "Organization" DROP COLUMN "${column}";\n`,
  };
}

/** Fills /requests/new with one pasted migration and submits it; returns the new request's number. */
export async function createPastedRequest(
  page: Page,
  input: { title: string; name: string; sql: string; downSql?: string; description?: string; rollbackPlan?: string; submit?: boolean },
): Promise<number> {
  await page.goto("/requests/new");
  await expect(page.getByRole("heading", { level: 1, name: "New migration request" })).toBeVisible();
  await page.getByLabel("Title").fill(input.title);
  await page.getByLabel("Description").fill(input.description ?? "Created by the e2e suite.");
  await page.getByLabel("Rollback plan").fill(input.rollbackPlan ?? "Run down.sql.");
  await page.getByLabel("Add a migration by pasting its SQL").check();
  await page.getByLabel("Migration name").fill(input.name);
  await page.getByLabel("migration.sql", { exact: true }).fill(input.sql);
  if (input.downSql) await page.getByLabel("down.sql").fill(input.downSql);
  await page.getByRole("button", { name: input.submit === false ? "Save as draft" : "Submit for review" }).click();
  await expect(page).toHaveURL(/\/requests\/\d+$/, { timeout: 30_000 });
  const number = Number(new URL(page.url()).pathname.split("/").pop());
  await expect(page.getByRole("heading", { level: 1 })).toContainText(input.title);
  return number;
}

export function deployRow(page: Page, environment: string) {
  return page.getByTestId(`deploy-row-${environment}`);
}

/** Clicks "Deploy to <env>", confirms, and waits for the outcome the panel shows. */
export async function deployThroughUi(page: Page, environment: string) {
  await deployRow(page, environment).getByRole("button", { name: `Deploy to ${environment}` }).click();
  const dialog = page.getByRole("dialog", { name: `Deploy to ${environment}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: `Yes, deploy to ${environment}` }).click();
  const outcome = page.getByTestId("deploy-outcome");
  await expect(outcome).toBeVisible({ timeout: 60_000 });
  return outcome;
}

/** Approves request #number from its page, as the signed-in approver, and waits until the database says so. */
export async function approveThroughUi(page: Page, number: number) {
  await page.goto(`/requests/${number}`);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect.poll(async () => (await requestByNumber(number)).status).toBe("approved");
}
